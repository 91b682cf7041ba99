package ablation.engine.eval.sandbox;

import static ablation.engine.eval.sandbox.SandboxTest.CHECK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fallback without bubblewrap still judges correctly, times out, and never lets an early exit pass. */
class SandboxRlimitTest {
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @Test
    void judgesWithResourceLimitsOnly() {
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults().withWorkers(2).withTimeout(0.5)
                .withMemory(512L << 20).withIsolation(Isolation.RLIMIT))) {
            assertEquals(Isolation.RLIMIT, sandbox.isolation());
            List<ExecResult> results = sandbox.run(List.of(
                    CHECK,
                    "assert 1 == 2\n",
                    "while True:\n    pass\n" + CHECK,
                    "import os\nos._exit(0)\n" + CHECK,
                    "import sys\nprint('passed')\nsys.exit(0)\n" + CHECK,
                    "x = bytearray(4 << 30)\n" + CHECK));
            assertEquals(List.of(Outcome.PASSED, Outcome.ASSERTION, Outcome.TIMEOUT, Outcome.EXIT, Outcome.EXIT, Outcome.MEMORY),
                    results.stream().map(ExecResult::outcome).collect(Collectors.toList()), results.toString());
        }
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "workers left after close()");
    }

    /** As root, with a Python an unprivileged uid can read, fork bombs and detached children are contained too. */
    @Test
    void unprivilegedUidContainsProcesses() {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults().withWorkers(2).withTimeout(0.5)
                .withIsolation(Isolation.RLIMIT).withPython(SYSTEM_PYTHON.toString()))) {
            assumeTrue(sandbox.unprivileged(), "candidates run under their own uid only when the tests run as root");
            List<ExecResult> results = sandbox.run(List.of(
                    "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n" + CHECK,
                    "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(60)\n"
                            + "    os._exit(0)\nos.wait()\n" + CHECK,
                    "import os\nos.kill(os.getppid(), 9)\n" + CHECK));
            assertEquals(List.of(Outcome.TIMEOUT, Outcome.PASSED, Outcome.EXCEPTION),
                    results.stream().map(ExecResult::outcome).collect(Collectors.toList()), results.toString());
            assertEquals(List.of(), SandboxTest.candidateProcesses(), "processes left after the verdicts");
        }
        assertEquals(List.of(), SandboxTest.candidateProcesses());
    }
}
