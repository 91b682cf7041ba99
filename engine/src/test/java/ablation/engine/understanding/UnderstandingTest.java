package ablation.engine.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.core.config.SourceKind;
import ablation.engine.benchmark.Problem;
import ablation.engine.data.DataPipeline;
import ablation.engine.desk.DeskBenchmarks;
import ablation.engine.desk.DeskCorpus;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Outcome;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.BpeTokenizer;
import ablation.engine.tokenizer.Tokenizers;
import ablation.engine.train.MetricsSink;
import ablation.engine.train.ProgressListener;
import ablation.engine.train.Trainer;
import ablation.engine.train.TrainingJob;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The understanding test's positive control: a small model trained briefly on the desk corpus tells
 * held-out functions from their mutants clearly more often than the same model untrained, which is
 * at chance.
 */
class UnderstandingTest {
    /** The quick study's easy desk suite (one statement per function, two doctest examples). */
    static final String RUN = """
            name: control
            model: {arch: %s, layers: 2, d_model: 64, heads: 4, rotary_dim: 16, context: 256}
            tokenizer: {train: {vocab_size: 512, sample_mb: 1}, mask_tokens: 4}
            data:
              sources: [{name: python, kind: desk-pl}]
              cache_dir: %s
              desk: {max_steps: 1, families: 4, name_variety: 1, phrasings: 1, examples: 2}
            train: {tokens: %d, batch: 8, lr: 3.0e-3, warmup: 10, min_lr: 3.0e-4, seed: 3, device: cpu, checkpoint_every: 100000}
            """;

    static final int TRAINING_TOKENS = 240_000;

    @TempDir
    static Path temp;

    static Sandbox sandbox;
    static BpeTokenizer tokenizer;
    static List<Problem> problems;
    static List<MinimalPair> pairs;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.open(SandboxOptions.defaults().withTimeout(10));
        RunConfig config = config("causal", TRAINING_TOKENS);
        List<String> sample = new ArrayList<>();
        Iterator<String> documents = DeskCorpus.documents(
                SourceKind.DESK_PL, config.data().deskSeed(), config.data().desk());
        for (int i = 0; i < 3000; i++) sample.add(documents.next());
        tokenizer = Tokenizers.train(sample, 512, 4);
        problems =
                Understanding.problems(config.data().deskSeed(), config.data().desk());
        pairs = MinimalPairs.of(problems, sandbox, 1);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        tokenizer.close();
    }

    static RunConfig config(String arch, int tokens) {
        return ConfigLoader.parse(RUN.formatted(arch, temp.resolve("cache"), tokens));
    }

    @Test
    void pairsAreMutantsThatRunButFailSpreadOverTheProgramsAndRepeatForASeed() {
        assertTrue(pairs.size() >= 300, "most desk problems have behaviour-changing mutants: " + pairs.size());
        Map<String, Long> perProgram =
                pairs.stream().collect(Collectors.groupingBy(MinimalPair::program, Collectors.counting()));
        assertTrue(
                perProgram.values().stream()
                        .allMatch(n -> n <= (long) Understanding.MAX_PER_PROGRAM * MinimalPairs.MUTANTS_PER_PROBLEM),
                "no program makes the score: " + perProgram.values());
        RunConfig config = config("causal", TRAINING_TOKENS);
        List<Problem> all = DeskBenchmarks.l2r(
                config.data().deskSeed(),
                Understanding.DEFAULT_PROBLEMS,
                config.data().desk());
        assertTrue(
                all.stream()
                        .collect(Collectors.groupingBy(p -> p.canonicalSolution(), Collectors.counting()))
                        .values()
                        .stream()
                        .anyMatch(n -> n > 2 * Understanding.MAX_PER_PROGRAM),
                "without the cap one rendering would repeat many times");
        assertEquals(pairs, MinimalPairs.of(problems, sandbox, 1));
        Map<String, Problem> byId = problems.stream().collect(Collectors.toMap(Problem::taskId, Function.identity()));
        for (MinimalPair pair : pairs) {
            Problem problem = byId.get(pair.taskId());
            assertEquals(problem.prompt(), pair.prompt());
            assertEquals(problem.canonicalSolution(), pair.body());
            ExecResult result =
                    sandbox.run(List.of(problem.program(pair.mutant()))).get(0);
            assertTrue(
                    result.outcome() == Outcome.ASSERTION || result.outcome() == Outcome.EXCEPTION,
                    pair + " -> " + result);
        }
        assertTrue(pairs.stream().map(MinimalPair::kind).distinct().count() >= 3, "several kinds of mutation");
    }

    @Test
    void aModelTrainedOnTheDeskCorpusScoresClearlyAboveTheSameModelUntrained() {
        RunConfig config = config("causal", TRAINING_TOKENS);
        try (NDManager manager = NDManager.newBaseManager();
                CodeGenModel untrained = new CodeGenModel(config.model(), tokenizer.vocabSize(), manager, 3)) {
            UnderstandingResult chance = Understanding.measure(untrained, tokenizer, pairs);
            assertEquals(pairs.size(), chance.pairs());
            assertEquals(0, chance.unfitPairs());
            assertTrue(
                    chance.accuracy().low() < 0.5 && chance.accuracy().high() > 0.5,
                    "untrained: " + chance.accuracy() + " by kind " + chance.accuracyByKind());

            try (Trainer trainer = Trainer.open(new TrainingJob(
                    config,
                    tokenizer.vocabSize(),
                    DataPipeline.open(config, tokenizer, config.train().seed()),
                    temp.resolve("run"),
                    null))) {
                trainer.train(MetricsSink.NONE, ProgressListener.NONE);
                UnderstandingResult trained = Understanding.measure(trainer.model(), tokenizer, pairs);
                assertTrue(
                        trained.accuracy().value() >= 0.7
                                && trained.accuracy().low() > 0.5
                                && trained.accuracy().value()
                                        > chance.accuracy().high(),
                        "trained: " + trained.accuracy() + " against untrained " + chance.accuracy() + " by kind "
                                + trained.accuracyByKind());
                assertTrue(trained.meanMargin() > chance.meanMargin());
                assertEquals(trained, Understanding.measure(trainer.model(), tokenizer, pairs), "deterministic");
            }
        }
    }
}
