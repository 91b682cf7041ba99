package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits (here {@code System.exit} from another thread, as a SIGTERM does) while a thread
 * is inside a torch section exits only once that section has ended, and starts no new one: the
 * native crash of issue 14 came from libtorch torn down under a running backward pass. The
 * sections here sleep instead of calling torch, so the test is exact, and it runs in child JVMs,
 * since closing the gate is for good.
 */
class NativeWorkExitTest {
    @TempDir
    Path dir;

    /** A thread runs sections back to back, writing when each starts and ends; main exits mid-section. */
    public static final class ExitMidSection {
        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            boolean halt = args[1].equals("halt");
            Thread worker = new Thread(() -> {
                for (int i = 0; ; i++) {
                    int section = i;
                    NativeWork.run(() -> {
                        append(out, "start " + section);
                        sleep(300);
                        append(out, "end " + section);
                    });
                }
            });
            worker.setDaemon(true);
            worker.start();
            while (!Files.exists(out) || !Files.readString(out).contains("start 1")) Thread.sleep(10);
            Thread.sleep(100); // inside section 1
            if (halt) {
                NativeWork.halt(3);
            } else {
                System.exit(3);
            }
        }

        private static void append(Path out, String line) {
            try {
                Files.writeString(
                        out,
                        line + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void anExitWaitsForTheSectionInProgressAndStartsNoOther() throws Exception {
        assertExitsBetweenSections("exit");
    }

    @Test
    void aHaltWaitsForTheSectionInProgressAndStartsNoOther() throws Exception {
        assertExitsBetweenSections("halt");
    }

    private void assertExitsBetweenSections(String how) throws Exception {
        Path out = dir.resolve(how + ".txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitMidSection.class.getName(),
                        out.toString(),
                        how)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(how + ".log").toFile())
                .start();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the child exits");
        assertEquals(3, child.exitValue(), Files.readString(dir.resolve(how + ".log")));
        List<String> lines = Files.readAllLines(out);
        assertEquals(
                List.of("start 0", "end 0", "start 1", "end 1"), lines, "exits after section 1 ends, before section 2");
    }
}
