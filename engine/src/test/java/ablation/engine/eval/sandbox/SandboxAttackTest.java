package ablation.engine.eval.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Programs that try to forge a pass from inside the candidate's interpreter (test resources {@code attacks/}):
 * each is a wrong program (its check fails) that would score "passed" if its attack worked: reading the
 * inherited descriptors or /proc for the nonce, walking frames (sys._getframe, tracebacks, generators, signal
 * handlers, gc), trace and profile functions, ctypes, crafted bytecode, child processes, patched builtins and
 * modules, results whose {@code __eq__} always answers True. The positive controls ({@code controls/}) are
 * correct programs that use what lies next to the refusals (namedtuple, Counter, Fraction, files in their own
 * directory, threads, fork, stdlib imports) and must still pass.
 */
class SandboxAttackTest {
    static final Path SYSTEM_PYTHON = SandboxRlimitTest.SYSTEM_PYTHON;

    static Map<String, String> programs(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(SandboxAttackTest.class.getResource(folder).toURI());
        Map<String, String> programs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                programs.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return programs;
    }

    /** Runs every attack and control; returns the attacks that passed and the controls that did not. */
    static List<String> misjudged(Sandbox sandbox) throws IOException, URISyntaxException {
        Map<String, String> attacks = programs("attacks");
        Map<String, String> controls = programs("controls");
        assertTrue(attacks.size() >= 15, "attack programs: " + attacks.keySet());
        List<String> names = new ArrayList<>(attacks.keySet());
        names.addAll(controls.keySet());
        List<String> all = new ArrayList<>(attacks.values());
        all.addAll(controls.values());
        List<ExecResult> results = sandbox.run(all);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean attack = i < attacks.size();
            if (results.get(i).passed() == attack)
                wrong.add((attack ? "forged: " : "control failed: ") + names.get(i) + " " + results.get(i));
        }
        return wrong;
    }

    @Test
    void noAttackPassesAndEveryControlDoesWithTheBestIsolation() throws Exception {
        try (Sandbox sandbox = Sandbox.open(
                SandboxOptions.defaults().withWorkers(2).withTimeout(10).withCache(false))) {
            assertEquals(List.of(), misjudged(sandbox), "isolation " + sandbox.isolation());
        }
    }

    @Test
    void noAttackPassesAndEveryControlDoesWithResourceLimitsOnly() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " not found");
        try (Sandbox sandbox = Sandbox.open(SandboxOptions.defaults()
                .withWorkers(2)
                .withTimeout(10)
                .withCache(false)
                .withIsolation(Isolation.RLIMIT)
                .withPython(SYSTEM_PYTHON.toString()))) {
            assertEquals(List.of(), misjudged(sandbox));
        }
    }

    /**
     * Bubblewrap with a user namespace (what ordinary users get, and root when the first variant fails): the
     * candidate keeps the worker's uid and stays dumpable, so only the audit hook keeps it from its own memory.
     */
    @Test
    void noAttackPassesInAUserNamespace() throws Exception {
        Optional<Path> bwrap = WorkerCommand.findBubblewrap();
        assumeTrue(bwrap.isPresent(), "bwrap is not installed (.ci/setup.d/20-bubblewrap.sh installs it)");
        SandboxOptions options =
                SandboxOptions.defaults().withWorkers(2).withTimeout(10).withCache(false);
        PythonRuntime python = PythonRuntime.locate(options.python());
        List<WorkerCommand> variants = WorkerCommand.bubblewrapVariants(bwrap.get(), python, SandboxRlimitTest.root());
        WorkerCommand userNamespace = variants.get(variants.size() - 1);
        List<String> refusals = new ArrayList<>();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, python, List.of(userNamespace), refusals);
        } catch (WorkbenchException e) {
            assumeTrue(false, "user namespaces do not work here: " + e.getMessage());
            return;
        }
        try (sandbox) {
            assertTrue(sandbox.namespaced() && !sandbox.unprivileged(), "not the user-namespace variant");
            assertEquals(List.of(), misjudged(sandbox));
        }
    }

    /** The suite can fail: the same checks with the right answer pass, so the attacks fail for their attack alone. */
    @Test
    void aCorrectAnswerBesideAnAttackIsStillJudgedOnItsMerits() throws Exception {
        try (Sandbox sandbox = Sandbox.open(
                SandboxOptions.defaults().withWorkers(2).withTimeout(10).withCache(false))) {
            String exitZero = programs("attacks").get("exit_zero.py");
            String right = exitZero.substring(exitZero.indexOf("\ndef f():")).replace("return 2", "return 1");
            String wrong = exitZero.substring(exitZero.indexOf("\ndef f():"));
            List<ExecResult> results = sandbox.run(List.of(right, wrong));
            assertEquals(
                    List.of(Outcome.PASSED, Outcome.ASSERTION),
                    results.stream().map(ExecResult::outcome).toList());
        }
    }
}
