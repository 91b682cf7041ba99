package ablation.engine.eval.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox with the best isolation this machine offers (bubblewrap when installed). Every hostile
 * program is written so that it would pass if its attack went unnoticed: the check after the attack holds.
 */
class SandboxTest {
    static final String CHECK =
            "\ndef f():\n    return 1\n\ndef check(candidate):\n    assert candidate() == 1\n\ncheck(f)\n";

    /** Generous limit: the machine may be busy, and these programs should end on their own. */
    static Sandbox sandbox;
    /** A short limit for programs that never end. */
    static Sandbox impatient;

    static Set<Long> workerProcesses;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxOptions.defaults()
                .withWorkers(2)
                .withTimeout(20)
                .withMemory(512L << 20)
                .withCache(false));
        impatient = Sandbox.open(
                SandboxOptions.defaults().withWorkers(2).withTimeout(0.5).withCache(false));
        workerProcesses = descendants();
        assertEquals(
                4,
                workerProcesses.size() / (sandbox.isolation() == Isolation.BWRAP ? 3 : 1),
                "one process tree per worker");
    }

    @AfterAll
    static void close() {
        sandbox.close();
        impatient.close();
        assertEquals(Set.of(), descendants(), "processes left after close()");
        assertEquals(List.of(), candidateProcesses());
    }

    /** Nothing a candidate started may outlive its verdict. */
    @AfterEach
    void nothingLeftBehind() {
        Set<Long> extra = descendants();
        extra.removeAll(workerProcesses);
        assertEquals(Set.of(), extra, "processes left beside the workers");
        assertEquals(List.of(), candidateProcesses());
    }

    static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Live processes anywhere on the host that run under a sandbox candidate uid. */
    static List<String> candidateProcesses() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    long uid = ((Number) Files.getAttribute(entry, "unix:uid")).longValue();
                    if (!Sandbox.isCandidateUid(uid)) continue;
                    String stat = Files.readString(entry.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (state != 'Z')
                        found.add(entry.getFileName() + " uid " + uid + " state " + state); // zombies hold nothing
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    static ExecResult run(String program) {
        return sandbox.run(List.of(program)).get(0);
    }

    @Test
    void judgesOrdinaryPrograms() {
        List<ExecResult> results = sandbox.run(List.of(
                CHECK,
                "def f():\n    return 2\n\ndef check(c):\n    assert c() == 1, 'wrong'\n\ncheck(f)\n",
                "def f():\n    return 1 / 0\n" + CHECK.replace("def f():\n    return 1\n", ""),
                "def f(:\n    return 1\n",
                "from typing import List\nimport math\n" + CHECK));
        assertEquals(
                List.of(Outcome.PASSED, Outcome.ASSERTION, Outcome.EXCEPTION, Outcome.SYNTAX, Outcome.PASSED),
                results.stream().map(ExecResult::outcome).toList(),
                results.toString());
        assertTrue(
                results.get(1).error().contains("AssertionError: wrong"),
                results.get(1).error());
        assertTrue(
                results.get(2).error().contains("ZeroDivisionError"),
                results.get(2).error());
        assertTrue(results.get(0).passed());
        assertEquals("", results.get(0).error());
    }

    @Test
    void programsThatNeverEndTimeOut() {
        List<ExecResult> results = impatient.run(List.of(
                "while True:\n    pass\n" + CHECK,
                "import time\ntime.sleep(60)\n" + CHECK,
                // replaced signal handlers do not stop the timeout
                "import signal\nfor s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM, "
                        + "signal.SIGXCPU, signal.SIGUSR1, signal.SIGCHLD):\n    signal.signal(s, signal.SIG_IGN)\n"
                        + "while True:\n    pass\n" + CHECK,
                // gigabytes of output go nowhere
                "import sys\nwhile True:\n    sys.stdout.write('x' * (1 << 20))\n" + CHECK));
        results.forEach(r -> assertEquals(Outcome.TIMEOUT, r.outcome(), r.toString()));
    }

    @Test
    void forkBombIsContained() {
        assumeTrue(
                sandbox.unprivileged() || sandbox.namespaced(),
                "needs an unprivileged candidate uid or a PID namespace");
        ExecResult result = impatient
                .run(List.of("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
                        + CHECK))
                .get(0);
        assertFalse(result.passed(), result.toString());
    }

    @Test
    void memoryBombFails() {
        ExecResult result = run("x = bytearray(4 << 30)\n" + CHECK);
        assertEquals(Outcome.MEMORY, result.outcome(), result.toString());
        ExecResult growing = run("x = []\nwhile True:\n    x.append(bytes(64 << 20))\n" + CHECK);
        assertEquals(Outcome.MEMORY, growing.outcome(), growing.toString());
    }

    @Test
    void writingAHugeFileFails() {
        ExecResult written = run(
                "with open('big', 'w') as f:\n    for _ in range(4096):\n        f.write('x' * (1 << 20))\n" + CHECK);
        assertFalse(written.passed(), written.toString());
        assertTrue(
                written.error().contains("File too large") || written.error().contains("size limit"),
                written.toString());
    }

    @Test
    void cannotWriteOrDeleteHostFiles() throws IOException {
        assumeTrue(
                sandbox.isolation() == Isolation.BWRAP || sandbox.unprivileged(),
                "needs bubblewrap or an unprivileged uid");
        Path canary = Files.writeString(dir.resolve("canary.txt"), "alive");
        Path intruder = dir.resolve("intruder.txt");
        List<ExecResult> results = sandbox.run(List.of(
                "import os\nos.remove(" + quote(canary) + ")\n" + CHECK,
                "open(" + quote(canary) + ", 'w').write('owned')\n" + CHECK,
                "open(" + quote(intruder) + ", 'w').write('owned')\n" + CHECK,
                "import shutil\nshutil.rmtree(" + quote(dir) + ")\n" + CHECK));
        results.forEach(r -> assertFalse(r.passed(), r.toString()));
        assertEquals("alive", Files.readString(canary));
        assertFalse(Files.exists(intruder));
    }

    @Test
    void cannotReachTheNetwork() throws IOException {
        assumeTrue(sandbox.isolation() == Isolation.BWRAP, "network isolation needs bubblewrap");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ExecResult result = run("import socket\ns = socket.create_connection(('127.0.0.1', " + server.getLocalPort()
                    + "), timeout=0.5)\ns.sendall(b'hello')\n" + CHECK);
            assertEquals(Outcome.EXCEPTION, result.outcome(), result.toString());
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the candidate reached the host's loopback");
        }
    }

    @Test
    void exitingEarlyIsNotAPass() {
        List<ExecResult> results = sandbox.run(List.of(
                "import sys\nsys.exit(0)\n" + CHECK,
                "import os\nos._exit(0)\n" + CHECK,
                "raise SystemExit\n" + CHECK,
                "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n" + CHECK));
        assertEquals(
                List.of(Outcome.EXIT, Outcome.EXIT, Outcome.EXIT, Outcome.KILLED),
                results.stream().map(ExecResult::outcome).toList(),
                results.toString());
    }

    @Test
    void printingAPassIsNotAPass() {
        String fakeReply = "{\\\"outcome\\\": \\\"passed\\\", \\\"error\\\": \\\"\\\", \\\"seconds\\\": 0.0}\\n";
        ExecResult result = run("import os\nprint('passed')\nprint(\"" + fakeReply + "\")\n"
                + "for fd in range(256):\n    try:\n        os.write(fd, b\"" + fakeReply
                + "\")\n        os.write(fd, b'P' * 33 + b'\\0')\n"
                + "    except OSError:\n        pass\nos._exit(0)\n" + CHECK);
        assertEquals(Outcome.EXIT, result.outcome(), result.toString());
        assertEquals(
                Outcome.ASSERTION, run("print('passed')\nassert False\n").outcome(), "the channel is still in step");
    }

    @Test
    void patchedBuiltinsDoNotChangeTheVerdict() {
        ExecResult result = run("import builtins, os, sys\n"
                + "builtins.AssertionError = type('Fine', (Exception,), {})\n"
                + "builtins.isinstance = lambda *a: True\nbuiltins.issubclass = lambda *a: False\n"
                + "builtins.type = lambda *a: int\nbuiltins.str = lambda *a: ''\n"
                + "os._exit = lambda *a: None\nos.write = lambda *a: 0\nos.read = lambda *a: b''\nsys.exit = lambda *a: None\n"
                + "def f():\n    return 2\n\ndef check(candidate):\n    assert candidate() == 1\n\ncheck(f)\n");
        // the check runs with the builtins as they were, and a program that changed them fails for that
        assertEquals(Outcome.EXCEPTION, result.outcome(), result.toString());
        assertTrue(result.error().contains("changed"), result.toString());
    }

    @Test
    void detachedChildIsGoneAfterTheVerdict() {
        assumeTrue(
                sandbox.unprivileged() || sandbox.namespaced(),
                "needs an unprivileged candidate uid or a PID namespace");
        ExecResult result = run("import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                + "        time.sleep(60)\n    os._exit(0)\nos.wait()\n" + CHECK);
        assertTrue(result.passed(), result.toString());
        // @AfterEach finds no process left beside the workers
    }

    @Test
    void cannotReadTheHarnessState() {
        assumeTrue(sandbox.unprivileged(), "needs an unprivileged candidate uid (run as root)");
        List<ExecResult> results = sandbox.run(List.of(
                "import os\nopen('/proc/%d/environ' % os.getppid(), 'rb').read()\n" + CHECK,
                "import os\nopen('/proc/%d/mem' % os.getppid(), 'rb').read(1)\n" + CHECK,
                "import os\nos.listdir('/proc/%d/fd' % os.getppid())\n" + CHECK,
                "import os\nos.listdir('..')\n" + CHECK,
                "import os\nos.kill(os.getppid(), 9)\n" + CHECK));
        results.forEach(r -> assertEquals(Outcome.EXCEPTION, r.outcome(), r.toString()));
        assertTrue(
                results.get(0).error().contains("PermissionError"),
                results.get(0).toString());
    }

    @Test
    void hashAndRandomRepeatAcrossWorkers() {
        List<String> programs = IntStream.range(0, 12)
                .mapToObj(bit -> "import random\n"
                        + "value = hash('ablation') if " + bit + " < 6 else int(random.random() * 2**30)\n"
                        + "assert (value >> " + (bit % 6) + ") & 1\n")
                .toList();
        List<Outcome> first =
                sandbox.run(programs).stream().map(ExecResult::outcome).toList();
        List<Outcome> again =
                sandbox.run(programs).stream().map(ExecResult::outcome).toList();
        assertEquals(first, again);
        assertTrue(first.contains(Outcome.PASSED) && first.contains(Outcome.ASSERTION), first.toString());
    }

    @Test
    void parallelCallersGetTheirOwnResults() {
        List<String> good = IntStream.range(0, 20)
                .mapToObj(i -> "assert " + i + " == " + i + "\n")
                .toList();
        List<String> bad =
                IntStream.range(0, 20).mapToObj(i -> "assert " + i + " == -1\n").toList();
        CompletableFuture<List<ExecResult>> a = CompletableFuture.supplyAsync(() -> sandbox.run(good));
        CompletableFuture<List<ExecResult>> b = CompletableFuture.supplyAsync(() -> sandbox.run(bad));
        assertTrue(a.join().stream().allMatch(ExecResult::passed));
        assertTrue(b.join().stream().allMatch(r -> r.outcome() == Outcome.ASSERTION));
    }

    @Test
    void identicalProgramsRunOnceWithTheCache() {
        try (Sandbox cached =
                Sandbox.open(SandboxOptions.defaults().withWorkers(1).withTimeout(20))) {
            List<ExecResult> results = cached.run(List.of(CHECK, "assert False\n", CHECK));
            assertSame(results.get(0), results.get(2));
            assertNotEquals(results.get(0), results.get(1));
        }
    }

    @Test
    void missingPythonSaysWhatToInstall() {
        WorkbenchException e = assertThrows(
                WorkbenchException.class,
                () -> Sandbox.open(SandboxOptions.defaults().withPython("/nonexistent/python3")));
        assertTrue(e.getMessage().contains("install"), e.getMessage());
    }

    static String quote(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }
}
