package ablation.reports.source;

import ablation.core.metric.MetricKeys;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.NewRun;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An in-memory store holding a small four-lesson study queued the way {@code workbench study} queues
 * it, with measurements written the way a worker writes them: no training.
 */
final class StoreFixture {
    static final String STUDY = "mini";
    static final long STEPS = 1000;
    static final long TOKENS_PER_STEP = 128;
    static final Provenance PROVENANCE = new Provenance("0.1.0", "0.36.0", "2.7.1", "cpu", "desk", "Linux", "17");

    /** Lessons 1, 2, 4 and 5 over two seeds; the causal base serves lessons 1, 2 and 4. */
    static final String SPEC = """
            {"name": "mini", "description": "a small study for the loader tests", "seeds": [1, 2],
             "base": {"model": {"layers": 1, "d_model": 32, "heads": 2, "rotary_dim": 8, "context": 32},
                      "tokenizer": {"train": {"vocab_size": 512}},
                      "data": {"sources": [{"name": "python", "kind": "desk-pl"}, {"name": "english", "kind": "desk-nl", "weight": 0.0}]},
                      "train": {"tokens": 128000, "batch": 4},
                      "eval": [{"benchmark": "desk-l2r", "mode": "l2r", "n": 10, "k": [1, 2, 10]},
                               {"benchmark": "desk-infill", "mode": "infill", "n": 4, "k": [1]}]},
             "ablations": [
               {"lesson": 1, "axes": [{"path": "", "name": "arch", "labels": ["causal", "prefix_lm"],
                 "values": [{"model": {"arch": "causal"}, "objective": {"clm": 1.0, "prefix_lm": 0.0}},
                            {"model": {"arch": "prefix_lm"}, "objective": {"clm": 0.0, "prefix_lm": 1.0}}]}]},
               {"lesson": 2, "axes": [{"path": "objective", "name": "fim", "labels": ["0", "0.5"],
                 "values": [{"clm": 1.0, "fim": 0.0}, {"clm": 0.5, "fim": 0.5}]}]},
               {"lesson": 4, "axes": [{"path": "data.sources", "name": "mix", "labels": ["pl", "nl", "half"],
                 "values": [[{"name": "python", "kind": "desk-pl", "weight": 1.0}, {"name": "english", "kind": "desk-nl", "weight": 0.0}],
                            [{"name": "python", "kind": "desk-pl", "weight": 0.0}, {"name": "english", "kind": "desk-nl", "weight": 1.0}],
                            [{"name": "python", "kind": "desk-pl", "weight": 0.5}, {"name": "english", "kind": "desk-nl", "weight": 0.5}]]}]},
               {"lesson": 5, "axes": [{"path": "epochs", "values": [1, 4]}]}
             ]}
            """;

    final TrackingStore store;
    final String url;
    final Study study;

    private StoreFixture(String url, TrackingStore store, Study study) {
        this.url = url;
        this.store = store;
        this.study = study;
    }

    /** The study (JSON or YAML text) queued: every run {@code queued}, nothing measured. */
    static StoreFixture queued(String spec) throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID();
        TrackingStore store = TrackingStore.open(url);
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(spec); // JSON or YAML, as a study file
        var parsed = SpecLoader.parse(spec);
        Study study = store.studies().create(parsed.name(), tree.toString()); // as the study queue stores a new study
        for (RunSpec run : GridExpander.expand(parsed, false)) {
            store.runs().create(study.id(), new NewRun(run.name(), run.configJson(), run.configHash(), run.cellKey()));
        }
        return new StoreFixture(url, store, study);
    }

    Run run(String name) {
        return store.runs().list(study.id()).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run " + name + " in " + names()));
    }

    List<String> names() {
        return store.runs().list(study.id()).stream().map(Run::name).toList();
    }

    /**
     * Starts the run and logs a loss curve over {@link #STEPS} steps with tokens, bits per byte and
     * understanding accuracy with its interval; its evaluations are written at step 10 (nothing passes) and at the last step
     * ({@code c} from {@code passes}, one per problem).
     */
    void measure(String name, double finalLoss, int[] l2rPasses, int[] infillPasses) {
        Run run = run(name);
        store.runs().start(run.id(), PROVENANCE);
        try (MetricWriter metrics = store.metrics().writer(run.id())) {
            for (long step = 1; step <= STEPS; step++) {
                metrics.log(MetricKeys.TRAIN_LOSS, step, finalLoss + 5.0 / step);
                metrics.log(MetricKeys.TRAIN_TOKENS, step, step * TOKENS_PER_STEP);
            }
            metrics.log(MetricKeys.BITS_PER_BYTE_PREFIX + "python", STEPS, finalLoss / 2);
            metrics.log(MetricKeys.BITS_PER_BYTE_PREFIX + "english", STEPS, finalLoss / 3);
            metrics.log(MetricKeys.UNDERSTANDING, STEPS, 0.5 + finalLoss / 100);
            metrics.log(MetricKeys.low(MetricKeys.UNDERSTANDING), STEPS, 0.45 + finalLoss / 100);
            metrics.log(MetricKeys.high(MetricKeys.UNDERSTANDING), STEPS, 0.55 + finalLoss / 100);
            metrics.log(MetricKeys.PROMPTS_TRIMMED_PREFIX + "desk-infill/infill", STEPS, 2);
            metrics.log(MetricKeys.PROMPTS_UNFIT_PREFIX + "desk-infill/infill", STEPS, 1);
            metrics.log(MetricKeys.FINISH_PREFIX + "stop_token/desk-infill/infill", STEPS, 7);
            metrics.log(MetricKeys.FINISH_PREFIX + "prompt_too_long/desk-infill/infill", STEPS, 4);
            metrics.log(MetricKeys.PROMPTS_TRIMMED_PREFIX + "/data/HumanEval.jsonl/l2r", STEPS, 0);
        }
        List<EvalResult> results = new ArrayList<>();
        for (int p = 0; p < l2rPasses.length; p++) {
            results.add(new EvalResult(run.id(), 10, "desk-l2r", "l2r", "p" + p, 4, 0));
            results.add(new EvalResult(run.id(), STEPS, "desk-l2r", "l2r", "p" + p, 4, l2rPasses[p]));
        }
        for (int p = 0; p < infillPasses.length; p++) {
            results.add(new EvalResult(run.id(), STEPS, "desk-infill", "infill", "i" + p, 4, infillPasses[p]));
        }
        store.evaluations().recordAll(results);
    }

    void finish(String name, double finalLoss, int[] l2rPasses, int[] infillPasses) {
        measure(name, finalLoss, l2rPasses, infillPasses);
        store.runs().finish(run(name).id());
    }
}
