package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.GuiTestSupport;
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
        Result result = workbench("gui", "--samples", GuiTestSupport.SAMPLES.toString(), "--study", "lesson2-infill",
                "--view", "composer", "--screenshot", png.toString(), "--size", "900x600");
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
        Result unknown = workbench("gui", "--samples", GuiTestSupport.SAMPLES.toString(), "--study", "nope",
                "--screenshot", dir.resolve("x.png").toString());
        assertEquals(Workbench.EXIT_USAGE, unknown.exit());
        assertTrue(unknown.output().contains("lesson2-infill"), "lists the studies it knows: " + unknown.output());
        Result badView = workbench("gui", "--view", "graphs", "--screenshot", dir.resolve("x.png").toString());
        assertEquals(Workbench.EXIT_USAGE, badView.exit());
        assertTrue(badView.output().contains("studies, composer, runs, compare, lessons"), badView.output());
    }

    private Result workbench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", Workbench.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "workbench", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("workbench " + String.join(" ", args) + " did not finish: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
