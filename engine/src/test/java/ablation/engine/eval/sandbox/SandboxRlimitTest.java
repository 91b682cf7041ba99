package ablation.engine.eval.sandbox;

import static ablation.engine.eval.sandbox.SandboxTest.CHECK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fallback without bubblewrap still judges correctly, times out, and never lets an early exit pass. */
class SandboxRlimitTest {
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
}
