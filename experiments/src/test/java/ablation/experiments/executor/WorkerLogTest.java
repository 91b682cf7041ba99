package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reason a launch ended, as the executor reports it, comes from that launch's part of worker.log. */
class WorkerLogTest {
    /** What HotSpot prints on stdout when libtorch crashes the JVM (from the crash of issue 14). */
    static final String NATIVE_CRASH = """
            #
            # A fatal error has been detected by the Java Runtime Environment:
            #
            #  SIGSEGV (0xb) at pc=0x0000000000000000, pid=10006, tid=10024
            #
            # JRE version: OpenJDK Runtime Environment (17.0.15+6) (build 17.0.15+6-Debian-1deb12u1)
            # Problematic frame:
            # C  [libtorch_cpu.so+0x196c8ea]  at::accelerator::getAccelerator(bool)+0x16a
            #
            # An error report file with more information is saved as:
            # /runs/7/hs_err_pid10006.log
            #
            """;

    @TempDir
    Path dir;

    @Test
    void eachKindOfEndIsNamed() throws Exception {
        assertEquals(
                "the JVM crashed with SIGSEGV in libtorch_cpu.so at::accelerator::getAccelerator(bool)+0x16a"
                        + " (crash log /runs/7/hs_err_pid10006.log)",
                reasonOf("step 10/100 loss 3.2\n" + NATIVE_CRASH));
        assertEquals(
                "cannot open the store: refused",
                reasonOf("x\n" + WorkerExit.REASON_PREFIX + "cannot open the store: refused\n"));
        assertEquals(
                "java.lang.OutOfMemoryError: Java heap space",
                reasonOf("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"
                        + "\tat x.y(Z.java:1)\n"));
        assertEquals(
                "training diverged at step 7",
                reasonOf("[main] ERROR ablation.experiments.worker.WorkerMain - run lr-1 failed:"
                        + " training diverged at step 7\n"));
        assertEquals("last output: Killed", reasonOf("step 1\nKilled\n\n"));
        assertEquals("no output", reasonOf(""));
    }

    @Test
    void onlyTheLastLaunchCounts() throws Exception {
        Path log = dir.resolve("worker.log");
        Files.writeString(log, NATIVE_CRASH);
        long start = WorkerLog.size(log);
        Files.writeString(
                log, "step 3\n" + WorkerExit.REASON_PREFIX + "the study process is gone\n", StandardOpenOption.APPEND);
        assertEquals("the study process is gone", WorkerLog.reason(log, start));
        assertEquals(0, WorkerLog.size(dir.resolve("absent.log")));
    }

    private String reasonOf(String text) throws Exception {
        Path log = Files.writeString(dir.resolve("w.log"), text);
        return WorkerLog.reason(log, 0);
    }
}
