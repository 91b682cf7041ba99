package ablation.engine.eval.sandbox;

import static ablation.engine.eval.sandbox.SandboxTest.CHECK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback without bubblewrap still judges correctly, times out, and never lets an early exit pass; and
 * it fails closed: no candidate ever runs as root, {@code auto} never falls back to a privileged mode.
 */
class SandboxRlimitTest {
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @Test
    void judgesWithResourceLimitsOnly() {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults()
                .withWorkers(2)
                .withTimeout(0.5)
                .withMemory(512L << 20)
                .withIsolation(Isolation.RLIMIT)
                .withPython(SYSTEM_PYTHON.toString()))) {
            assertEquals(Isolation.RLIMIT, sandbox.isolation());
            List<ExecResult> results = sandbox.run(List.of(
                    CHECK,
                    "assert 1 == 2\n",
                    "while True:\n    pass\n" + CHECK,
                    "import os\nos._exit(0)\n" + CHECK,
                    "import sys\nprint('passed')\nsys.exit(0)\n" + CHECK,
                    "x = bytearray(4 << 30)\n" + CHECK));
            assertEquals(
                    List.of(
                            Outcome.PASSED,
                            Outcome.ASSERTION,
                            Outcome.TIMEOUT,
                            Outcome.EXIT,
                            Outcome.EXIT,
                            Outcome.MEMORY),
                    results.stream().map(ExecResult::outcome).collect(Collectors.toList()),
                    results.toString());
        }
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "workers left after close()");
    }

    /** As root, with a Python an unprivileged uid can read, fork bombs and detached children are contained too. */
    @Test
    void unprivilegedUidContainsProcesses() {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults()
                .withWorkers(2)
                .withTimeout(0.5)
                .withIsolation(Isolation.RLIMIT)
                .withPython(SYSTEM_PYTHON.toString()))) {
            assumeTrue(sandbox.unprivileged(), "candidates run under their own uid only when the tests run as root");
            List<ExecResult> results = sandbox.run(List.of(
                    "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n" + CHECK,
                    "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(60)\n"
                            + "    os._exit(0)\nos.wait()\n" + CHECK,
                    "import os\nos.kill(os.getppid(), 9)\n" + CHECK));
            assertEquals(
                    List.of(Outcome.TIMEOUT, Outcome.PASSED, Outcome.EXCEPTION),
                    results.stream().map(ExecResult::outcome).collect(Collectors.toList()),
                    results.toString());
            assertEquals(List.of(), SandboxTest.candidateProcesses(), "processes left after the verdicts");
        }
        assertEquals(List.of(), SandboxTest.candidateProcesses());
    }

    static boolean root() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A program that passes only if no id of its process is 0 (real, effective or saved uid and gid). */
    static final String NOT_ROOT = "import os\nassert 0 not in os.getresuid() + os.getresgid(), os.getresuid()\n";

    /** Every isolation that starts runs candidates under a uid other than 0. */
    @Test
    void candidatesNeverRunAsRoot() {
        List<SandboxOptions> modes =
                new ArrayList<>(List.of(SandboxOptions.defaults().withWorkers(1)));
        if (Files.isExecutable(SYSTEM_PYTHON)) {
            modes.add(SandboxOptions.defaults()
                    .withWorkers(1)
                    .withIsolation(Isolation.RLIMIT)
                    .withPython(SYSTEM_PYTHON.toString()));
        }
        for (SandboxOptions options : modes) {
            try (Sandbox sandbox = Sandbox.open(options)) {
                ExecResult result = sandbox.run(List.of(NOT_ROOT + CHECK)).get(0);
                assertEquals(Outcome.PASSED, result.outcome(), sandbox.isolation() + ": " + result);
                assertEquals(
                        Outcome.ASSERTION,
                        sandbox.run(List.of(NOT_ROOT + "assert False\n")).get(0).outcome());
            }
        }
    }

    /**
     * As root with a Python an unprivileged uid cannot read (pyenv under /root), resource limits alone would
     * have to run candidates as root: the sandbox refuses, and says what to point WORKBENCH_PYTHON at.
     */
    @Test
    void rlimitRefusesWhenOnlyRootCanReadPython() {
        PythonRuntime python = PythonRuntime.locate(SandboxOptions.defaults().python());
        assumeTrue(
                root() && !worldReadable(python),
                "needs root and a Python under a directory only root can read, " + "e.g. pyenv in /root; "
                        + python.executable() + " is readable by everyone");
        SandboxOptions options = SandboxOptions.defaults().withWorkers(1).withIsolation(Isolation.RLIMIT);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Sandbox.open(options));
        assertTrue(
                e.getMessage().contains("WORKBENCH_PYTHON") && e.getMessage().contains("bubblewrap"), e.getMessage());
        assertTrue(e.getMessage().contains("never run as root"), e.getMessage());
    }

    /** auto with a bubblewrap that fails and such a Python stops too, instead of falling back to root. */
    @Test
    void autoDoesNotFallBackToRootWhenBubblewrapFails(@TempDir Path dir) throws IOException {
        PythonRuntime python = PythonRuntime.locate(SandboxOptions.defaults().python());
        assumeTrue(root() && !worldReadable(python), "needs root and a Python only root can read");
        Path brokenBwrap = Files.writeString(
                dir.resolve("bwrap"), "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
        Files.setPosixFilePermissions(brokenBwrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        WorkbenchException e = assertThrows(
                WorkbenchException.class,
                () -> Sandbox.open(SandboxOptions.defaults().withWorkers(1), Optional.of(brokenBwrap), true));
        assertTrue(e.getMessage().contains("uid map") && e.getMessage().contains("WORKBENCH_PYTHON"), e.getMessage());
    }

    /** An ordinary user without working bubblewrap: auto refuses rather than run candidates under that user's uid. */
    @Test
    void autoWithoutBubblewrapRefusesForAnOrdinaryUser() {
        WorkbenchException e = assertThrows(
                WorkbenchException.class,
                () -> Sandbox.open(SandboxOptions.defaults().withWorkers(1), Optional.empty(), false));
        assertTrue(
                e.getMessage().contains("apt-get install bubblewrap")
                        && e.getMessage().contains("--isolation rlimit"),
                e.getMessage());
    }

    /** A worker told it needs no uid of its own while it runs as root refuses to run candidates at all. */
    @Test
    void aRootWorkerWithoutAnUnprivilegedUidRefuses() {
        assumeTrue(root(), "the worker only refuses when it actually runs as root");
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        WorkbenchException e = assertThrows(
                WorkbenchException.class,
                () -> Sandbox.open(
                        SandboxOptions.defaults()
                                .withWorkers(1)
                                .withIsolation(Isolation.RLIMIT)
                                .withPython(SYSTEM_PYTHON.toString()),
                        Optional.empty(),
                        false));
        assertTrue(e.getMessage().contains("refusing to run them"), e.getMessage());
    }

    /** The JVM's secrets, its process group and the host's shared directories stay out of reach in rlimit mode. */
    @Test
    void secretsSignalsAndSharedDirectoriesStayOutOfReach(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        long jvm = ProcessHandle.current().pid();
        String marker = "workbench-sandbox-intruder-" + jvm;
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults()
                .withWorkers(1)
                .withTimeout(5)
                .withIsolation(Isolation.RLIMIT)
                .withPython(SYSTEM_PYTHON.toString()))) {
            List<ExecResult> results = sandbox.run(List.of(
                    "open('/proc/" + jvm + "/environ', 'rb').read()\n" + CHECK,
                    "import os\nos.killpg(os.getpgid(" + jvm + "), 0)\n" + CHECK,
                    "import os\nos.kill(" + jvm + ", 0)\n" + CHECK,
                    "open('/tmp/" + marker + "', 'w').write('x')\n" + CHECK,
                    "open('/dev/shm/" + marker + "', 'w').write('x')\n" + CHECK,
                    "import os\nos.mkdir('/var/tmp/" + marker + "')\n" + CHECK,
                    "import os\nassert set(os.environ) <= {'PATH', 'HOME', 'TMPDIR', 'LANG'}, sorted(os.environ)\n"
                            + CHECK));
            for (int i = 0; i < 6; i++)
                assertEquals(
                        Outcome.EXCEPTION,
                        results.get(i).outcome(),
                        results.get(i).toString());
            assertEquals(
                    Outcome.PASSED, results.get(6).outcome(), results.get(6).toString());
        }
        for (String shared : List.of("/tmp/", "/dev/shm/", "/var/tmp/")) {
            assertFalse(Files.exists(Path.of(shared + marker)), shared + marker + " was written");
        }
    }

    /**
     * What an ordinary user gets from {@code --isolation rlimit} (played here by uid 65534): candidates keep the
     * worker's uid, so nothing could kill what a fork leaves behind; fork is refused instead.
     */
    @Test
    void anOrdinaryUsersRlimitWorkerRefusesFork() {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(
                root() && Files.isExecutable(setpriv) && Files.isExecutable(SYSTEM_PYTHON),
                "needs root (to become uid 65534), setpriv and " + SYSTEM_PYTHON);
        SandboxOptions options = SandboxOptions.defaults()
                .withWorkers(1)
                .withTimeout(5)
                .withIsolation(Isolation.RLIMIT)
                .withPython(SYSTEM_PYTHON.toString());
        WorkerCommand ordinaryUser = new WorkerCommand(
                Isolation.RLIMIT,
                List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups"),
                false,
                false,
                "/tmp/workbench-sandbox-");
        try (Sandbox sandbox = Sandbox.start(
                options, PythonRuntime.locate(options.python()), List.of(ordinaryUser), new ArrayList<>())) {
            assertFalse(sandbox.unprivileged());
            List<ExecResult> results = sandbox.run(List.of(
                    CHECK,
                    "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(60)\n    os._exit(0)\n"
                            + CHECK));
            assertEquals(
                    Outcome.PASSED, results.get(0).outcome(), results.get(0).toString());
            assertEquals(
                    Outcome.EXCEPTION, results.get(1).outcome(), results.get(1).toString());
            assertTrue(results.get(1).error().contains("fork"), results.get(1).toString());
        }
        assertEquals(
                List.of(),
                ProcessHandle.allProcesses()
                        .filter(p -> p.info().user().orElse("").equals("nobody")
                                && p.info().command().orElse("").contains("python"))
                        .map(ProcessHandle::pid)
                        .toList());
    }

    /** Nothing of this JVM's environment reaches a worker but an allow-list. */
    @Test
    void workersGetAnAllowListedEnvironment() {
        assertEquals(
                Set.of("PATH", "LANG", "PYTHONHASHSEED"),
                Worker.environment(SandboxOptions.defaults()).keySet());
    }

    static boolean worldReadable(PythonRuntime python) {
        for (Path dir = python.executable().getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) return false;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
