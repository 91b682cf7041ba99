package ablation.engine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.Arch;
import ablation.core.config.ModelConfig;
import ablation.engine.benchmark.Problem;
import ablation.engine.desk.DeskBenchmarks;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.model.CodeGenModel;
import ablation.engine.sampling.TinyModels;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnderstandingProbeTest {
    static final Tokenizer TOKENIZER = new ByteTokenizer(4);
    static final List<Problem> PROBLEMS = DeskBenchmarks.l2r(3, 24);
    static Sandbox sandbox;
    static NDManager manager;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.open(SandboxOptions.defaults().withTimeout(10));
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        manager.close();
    }

    @Test
    void mutantsCompileButFailTheTestsAndRepeatForASeed() {
        List<FunctionPair> pairs = UnderstandingProbe.pairs(PROBLEMS, sandbox, 1);
        assertTrue(pairs.size() >= 20, "most desk problems have a behaviour-changing mutant: " + pairs.size());
        assertEquals(pairs, UnderstandingProbe.pairs(PROBLEMS, sandbox, 1));
        assertNotEquals(pairs, UnderstandingProbe.pairs(PROBLEMS, sandbox, 2));
        Map<String, Problem> byId = PROBLEMS.stream().collect(Collectors.toMap(Problem::taskId, Function.identity()));
        for (FunctionPair pair : pairs) {
            Problem problem = byId.get(pair.taskId());
            assertEquals(problem.prompt() + problem.canonicalSolution(), pair.original());
            assertTrue(pair.mutant().startsWith(problem.prompt()));
            ExecResult result = sandbox.run(List.of(problem.program(pair.mutant().substring(problem.prompt().length())))).get(0);
            assertTrue(result.outcome() == Outcome.ASSERTION || result.outcome() == Outcome.EXCEPTION, pair + " -> " + result);
        }
    }

    @Test
    void pooledStatesAreTheFinalLayerNormsOutput() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 4);
             PooledStates states = new PooledStates(model)) {
            // ln_f has unit scale and zero shift at initialisation: one position's state has mean 0 and variance 1
            double[] state = states.of(new int[] {42});
            assertEquals(32, state.length);
            double mean = java.util.Arrays.stream(state).average().orElseThrow();
            double variance = java.util.Arrays.stream(state).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            assertEquals(0, mean, 1e-3);
            assertEquals(1, variance, 1e-2);
        }
    }

    @Test
    void theProbeSplitsPairsInHalvesAndIsDeterministic() {
        List<FunctionPair> pairs = UnderstandingProbe.pairs(PROBLEMS, sandbox, 1);
        for (Arch arch : Arch.values()) {
            try (CodeGenModel model = TinyModels.random(arch, TOKENIZER, manager, 5)) {
                ProbeResult result = UnderstandingProbe.run(model, TOKENIZER, pairs, 9);
                assertEquals(2 * (pairs.size() / 2), result.trainExamples());
                assertEquals(2 * pairs.size() - result.trainExamples(), result.testExamples());
                assertTrue(result.accuracy() >= 0 && result.accuracy() <= 1);
                assertEquals(result, UnderstandingProbe.run(model, TOKENIZER, pairs, 9));
            }
        }
    }
}
