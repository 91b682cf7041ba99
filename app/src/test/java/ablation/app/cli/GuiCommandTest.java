package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.store.StoreFixture;
import ablation.storage.StoreLocation;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench gui --screenshot} in its own JVM (it owns the JavaFX toolkit), without a display. */
class GuiCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String output) {}

    @Test
    void rendersAViewToPngWithoutADisplay() throws Exception {
        Path png = dir.resolve("shots/composer.png");
        Result result = workbench(
                "gui",
                "--db",
                dir.resolve("db").toString(),
                "--samples",
                GuiTestSupport.SAMPLES.toString(),
                "--study",
                "lesson2-infill",
                "--view",
                "composer",
                "--screenshot",
                png.toString(),
                "--size",
                "900x600");
        assertEquals(0, result.exit(), result.output());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 20, "the view was drawn (" + colours.size() + " colours)");
    }

    @Test
    void unknownStudiesAndViewsAreUsageErrors() throws Exception {
        Result unknown = workbench(
                "gui",
                "--db",
                dir.resolve("db").toString(),
                "--samples",
                GuiTestSupport.SAMPLES.toString(),
                "--study",
                "nope",
                "--screenshot",
                dir.resolve("x.png").toString());
        assertEquals(Workbench.EXIT_USAGE, unknown.exit());
        assertTrue(unknown.output().contains("lesson2-infill"), "lists the studies it knows: " + unknown.output());
        Result badView = workbench(
                "gui", "--view", "graphs", "--screenshot", dir.resolve("x.png").toString());
        assertEquals(Workbench.EXIT_USAGE, badView.exit());
        assertTrue(badView.output().contains("studies, composer, runs, compare, lessons"), badView.output());
    }

    @Test
    void rendersTheCompareViewOfAStudyInTheStore() throws Exception {
        String url = StoreLocation.h2FileUrl(dir.resolve("store"));
        try (StoreFixture fixture = new StoreFixture(url, dir.resolve("studies"))) {
            assertEquals(6, fixture.names().size());
        }
        Path png = dir.resolve("compare.png");
        Result result = workbench(
                "gui",
                "--db",
                url,
                "--samples",
                GuiTestSupport.SAMPLES.toString(),
                "--study",
                StoreFixture.STUDY,
                "--view",
                "compare",
                "--screenshot",
                png.toString(),
                "--size",
                "1000x700");
        assertEquals(0, result.exit(), result.output());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        // The loss chart draws its two arms in the palette's first colours (blue 0072B2, vermilion D55E00).
        assertTrue(countPixels(image, 0x0072B2) > 50, "the first arm's curve is drawn");
        assertTrue(countPixels(image, 0xD55E00) > 50, "the second arm's curve is drawn");
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) count++;
        }
        return count;
    }

    private Result workbench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                Workbench.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "workbench", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "workbench " + String.join(" ", args) + " did not finish: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
