package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link WriterProcess} running in its own JVM, with its output collected. */
final class WriterRun {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path errors;

    private WriterRun(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process was killed: its output ends here.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static WriterRun start(String url, StoreTarget target, long runId, long points, int batch) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = Files.createTempFile("writer-process", ".log");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WriterProcess.class.getName(),
                        url,
                        target.user() == null ? "" : target.user(),
                        target.password() == null ? "" : target.password(),
                        Long.toString(runId),
                        Long.toString(points),
                        Integer.toString(batch))
                .redirectError(errors.toFile())
                .start();
        return new WriterRun(process, errors);
    }

    void awaitSuccess(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("writer process did not finish in " + timeout + "; stderr:\n" + stderr());
        }
        assertEquals(0, process.exitValue(), "writer process failed; stderr:\n" + stderr());
    }

    void awaitFlushes(int flushes, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().filter(l -> l.startsWith("flushed")).count() < flushes) {
            assertTrue(process.isAlive(), "writer process ended early; stderr:\n" + stderr());
            assertTrue(System.nanoTime() < deadline, "writer process made no progress; stderr:\n" + stderr());
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no shutdown hook, no rollback from the process itself. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        new File(errors.toString()).delete();
    }

    private String stderr() throws IOException {
        List<String> all = Files.readAllLines(errors);
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }
}
