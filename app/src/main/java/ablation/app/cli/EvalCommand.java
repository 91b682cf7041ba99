package ablation.app.cli;

import ablation.core.config.Choice;
import ablation.core.config.ConfigLoader;
import ablation.core.config.EvalConfig;
import ablation.core.config.EvalMode;
import ablation.core.config.RunConfig;
import ablation.core.stats.PassAtKEstimate;
import ablation.engine.eval.SampleFiles;
import ablation.engine.eval.model.Benchmarks;
import ablation.engine.eval.model.CheckpointEvaluation;
import ablation.engine.eval.model.CheckpointReport;
import ablation.engine.eval.model.EvalResult;
import ablation.engine.eval.model.Evaluator;
import ablation.engine.eval.sandbox.SandboxOptions;
import ablation.engine.lastword.LastWordResult;
import ablation.engine.sampling.Completion;
import ablation.engine.sampling.LoadedModel;
import ablation.engine.sampling.Sampler;
import ablation.engine.understanding.UnderstandingResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench eval}: samples completions from a checkpoint, executes them in the sandbox and
 * prints pass@k with 95% intervals, trimmed prompts and finish reasons as JSON; optionally bits per
 * byte of the run's held-out data and the understanding test. The same code path as a study
 * worker's evaluation ({@link CheckpointEvaluation}). Unset sampling flags take the {@code eval}
 * defaults of run configs.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Sample from a checkpoint, execute the completions and print pass@k with 95%% intervals as JSON.")
public final class EvalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--checkpoint",
            required = true,
            paramLabel = "DIR",
            description =
                    "A checkpoint directory (checkpoints/step-N), or a run directory (its newest complete checkpoint).")
    Path checkpoint;

    @Option(
            names = "--benchmark",
            required = true,
            paramLabel = "B",
            description =
                    "desk-l2r, desk-infill (the run's held-out desk problems), or a HumanEval(-Infilling) JSONL file.")
    String benchmark;

    @Option(
            names = "--mode",
            paramLabel = "l2r|infill|infill-line",
            description = "infill ends a middle at <eom> only (CodeGen2), infill-line also after its first newline "
                    + "(InCoder, SantaCoder). Default: infill for an infilling benchmark, else l2r.")
    String mode;

    @Option(names = "--n", paramLabel = "N", description = "Samples per problem (default 20).")
    Integer n;

    @Option(
            names = "--k",
            split = ",",
            paramLabel = "K",
            description = "pass@k to report (default 1,5,10, those <= n).")
    List<Integer> ks;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 = greedy (default 0.8).")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass (default 0.95).")
    Double topP;

    @Option(
            names = "--top-k",
            paramLabel = "K",
            description = "Sample among the K most likely tokens, 0 = all (default 0).")
    Integer topK;

    @Option(
            names = "--max-new-tokens",
            paramLabel = "M",
            description = "Tokens generated per sample at most (default 128).")
    Integer maxNewTokens;

    @Option(
            names = "--problems",
            paramLabel = "P",
            description = "Evaluate the first P problems (default: all of a file, " + Benchmarks.DESK_DEFAULT_PROBLEMS
                    + " of a desk benchmark).")
    Integer problems;

    @Option(names = "--seed", paramLabel = "S", description = "Sampling seed (default: the run's training seed).")
    Long seed;

    @Option(names = "--timeout", paramLabel = "S", description = "Seconds per program (default 3).")
    Double timeout;

    @Option(names = "--workers", paramLabel = "N", description = "Sandbox workers (default: one per core).")
    Integer workers;

    @Option(
            names = "--samples-out",
            paramLabel = "FILE",
            description =
                    "Write every completion with its verdict (task_id, completion, passed, result, error per line).")
    Path samplesOut;

    @Option(names = "--bpb", description = "Also print bits per byte of the run's held-out documents, per source.")
    boolean bpb;

    @Option(
            names = "--lastword",
            description = "Also run the last-word test on held-out desk prose (LAMBADA-style cloze): how often the "
                    + "model prefers a sentence's last word, named earlier in the passage, to 4 words of other "
                    + "documents (0.2 = chance; null without a desk-nl source), with a 95%% interval.")
    boolean lastWord;

    @Option(
            names = "--understanding",
            description = "Also run the understanding test: how often the model finds a held-out "
                    + "desk function's body likelier than a broken mutant of it (0.5 = chance), with a 95%% interval.")
    boolean understanding;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Sampler.useOneThread();
        try (LoadedModel loaded = LoadedModel.open(checkpoint)) {
            RunConfig run = loaded.config();
            JsonNode defaults = evalDefaults();
            int count = problems != null ? problems : defaults.get("problems").asInt();
            EvalMode evalMode = mode != null
                    ? Choice.of(EvalMode.class, "--mode", mode)
                    : Benchmarks.defaultMode(Benchmarks.load(
                            benchmark, run.data().deskSeed(), run.data().desk(), count));
            EvalConfig eval = evalConfig(defaults, count, evalMode);
            long samplingSeed =
                    seed != null ? seed : loaded.checkpoint().state().seed();
            SandboxOptions sandbox =
                    workers != null ? SandboxOptions.defaults().withWorkers(workers) : SandboxOptions.defaults();
            EvalProgress progress = new EvalProgress(err, System.console() != null);
            CheckpointReport report = CheckpointEvaluation.run(
                    loaded,
                    List.of(eval),
                    new CheckpointEvaluation.Options(samplingSeed, sandbox, bpb, lastWord, understanding),
                    new CheckpointEvaluation.Listener() {
                        @Override
                        public void evaluating(EvalConfig config, int problemCount) {
                            err.printf(
                                    Locale.ROOT,
                                    "eval: %s step %d, %s (%s), %d problems x %d samples%n",
                                    loaded.checkpoint().directory(),
                                    loaded.checkpoint().state().step(),
                                    config.benchmark(),
                                    config.mode(),
                                    problemCount,
                                    config.n());
                        }

                        @Override
                        public Evaluator.Progress progress(EvalConfig config) {
                            return progress;
                        }

                        @Override
                        public void evaluated(EvalResult result) {
                            progress.finish();
                        }

                        @Override
                        public void measuring(String what) {
                            err.println("eval: " + what + " ...");
                        }
                    });
            EvalResult result = report.evaluations().get(0);
            if (samplesOut != null) SampleFiles.writeResults(samplesOut, result.scored());
            ObjectNode out = json(loaded, result);
            if (bpb) {
                ObjectNode bits = out.putObject("bits_per_byte");
                report.bitsPerByte().forEach(bits::put);
            }
            if (lastWord) out.set("last_word", lastWordJson(report.lastWord()));
            if (understanding) out.set("understanding", understandingJson(report.understanding()));
            spec.commandLine().getOut().println(write(out));
        }
        return 0;
    }

    /** The last-word test, or null (JSON null) when the run has no desk prose source. */
    private static JsonNode lastWordJson(LastWordResult w) {
        if (w == null) return JSON.nullNode();
        return JSON.createObjectNode()
                .put("accuracy", w.accuracy().value())
                .put("low", w.accuracy().low())
                .put("high", w.accuracy().high())
                .put("items", w.items())
                .put("documents", w.documents());
    }

    private static ObjectNode understandingJson(UnderstandingResult u) {
        ObjectNode node = JSON.createObjectNode()
                .put("accuracy", u.accuracy().value())
                .put("low", u.accuracy().low())
                .put("high", u.accuracy().high())
                .put("pairs", u.pairs())
                .put("programs", u.programs())
                .put("unfit_pairs", u.unfitPairs())
                .put("mean_margin_nats", u.meanMargin());
        ObjectNode byKind = node.putObject("accuracy_by_kind");
        u.accuracyByKind().forEach(byKind::put);
        return node;
    }

    /** The {@code eval} defaults every run config's entries are merged over. */
    private JsonNode evalDefaults() {
        ObjectNode user = JSON.createObjectNode();
        user.putArray("eval").addObject().put("benchmark", benchmark);
        return ConfigLoader.withDefaults(user).path("eval").get(0);
    }

    private EvalConfig evalConfig(JsonNode defaults, int count, EvalMode evalMode) {
        int samples = n != null ? n : defaults.get("n").asInt();
        List<Integer> k = ks;
        if (k == null) {
            k = new ArrayList<>();
            for (JsonNode each : defaults.get("k")) if (each.asInt() <= samples) k.add(each.asInt());
        }
        return new EvalConfig(
                benchmark,
                evalMode,
                samples,
                k,
                temperature != null ? temperature : defaults.get("temperature").asDouble(),
                topP != null ? topP : defaults.get("top_p").asDouble(),
                topK != null ? topK : defaults.get("top_k").asInt(),
                maxNewTokens != null
                        ? maxNewTokens
                        : defaults.get("max_new_tokens").asInt(),
                count,
                timeout != null ? timeout : defaults.get("timeout").asDouble());
    }

    private ObjectNode json(LoadedModel loaded, EvalResult r) {
        EvalConfig c = r.config();
        ObjectNode root = JSON.createObjectNode()
                .put("checkpoint", loaded.checkpoint().directory().toString())
                .put("step", loaded.checkpoint().state().step())
                .put("benchmark", c.benchmark())
                .put("mode", c.mode().label())
                .put("prompt_format", r.promptFormat())
                .put("problems", r.counts().size())
                .put("n", c.n())
                .put("seed", r.seed())
                .put("temperature", c.temperature())
                .put("top_p", c.topP())
                .put("top_k", c.topK())
                .put("max_new_tokens", c.maxNewTokens());
        ObjectNode passAtK = root.putObject("pass_at_k");
        for (PassAtKEstimate e : r.passAtK()) {
            passAtK.putObject("pass@" + e.k())
                    .put("value", e.value())
                    .put("low", e.low())
                    .put("high", e.high());
        }
        ObjectNode outcomes = root.putObject("outcomes");
        r.outcomes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> outcomes.put(e.getKey().label(), e.getValue()));
        ObjectNode finishes = root.putObject("finishes");
        for (Completion.Finish finish : Completion.Finish.values())
            finishes.put(finish.label(), r.finishes().getOrDefault(finish, 0));
        root.put("prompts_trimmed", r.trimmedPrompts().size());
        ArrayNode unfit = root.putArray("prompts_unfit");
        r.unfitProblems().forEach(unfit::add);
        root.put("generated_tokens", r.generatedTokens())
                .put("tokens_per_s", Math.round(r.tokensPerSecond() * 10) / 10.0)
                .put("sampling_seconds", Math.round(r.samplingSeconds() * 100) / 100.0)
                .put("seconds", Math.round(r.seconds() * 100) / 100.0);
        if (samplesOut != null) root.put("samples", samplesOut.toString());
        return root;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
