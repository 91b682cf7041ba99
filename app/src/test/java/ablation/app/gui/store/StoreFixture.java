package ablation.app.gui.store;

import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.engine.train.MetricsSink;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.WorkerCommand;
import ablation.experiments.queue.StudyQueue;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An in-memory store holding a lesson 2 study (FIM rate 0 and 0.5, three seeds) queued the way the
 * app queues it, with losses and evaluations written the way a worker writes them: no training.
 * Five runs finish; {@code fim=0.5,seed=3} stays queued.
 */
public final class StoreFixture implements AutoCloseable {
    public static final String STUDY = "fixture-fim";
    static final long STEPS = 500;
    static final Provenance PROVENANCE = new Provenance("0.1.0", "0.36.0", "2.7.1", "cpu", "desk", "Linux", "17");
    static final String SPEC = """
            {"name": "fixture-fim", "seeds": [1, 2, 3],
             "base": {"model": {"layers": 1, "d_model": 32, "heads": 2, "rotary_dim": 8, "context": 32},
                      "tokenizer": {"train": {"vocab_size": 512}},
                      "data": {"sources": [{"name": "python", "kind": "desk-pl"}]},
                      "train": {"tokens": 64000, "batch": 4},
                      "eval": [{"benchmark": "desk-l2r", "mode": "l2r", "n": 10, "k": [1, 10]}]},
             "ablations": [{"lesson": 2, "axes": [{"path": "objective", "name": "fim", "labels": ["0", "0.5"],
                            "values": [{"clm": 1.0, "fim": 0.0}, {"clm": 0.5, "fim": 0.5}]}]}]}
            """;

    final TrackingStore store;
    final Study study;
    final StoreServices services;

    StoreFixture(Path studies) throws Exception {
        this("jdbc:h2:mem:" + UUID.randomUUID(), studies);
    }

    /** The fixture in the store at {@code url} (an H2 file, for a test that opens it from another process). */
    public StoreFixture(String url, Path studies) throws Exception {
        store = TrackingStore.open(url);
        var spec = SpecLoader.parse(SPEC);
        study = StudyQueue.enqueue(
                store, spec.name(), new ObjectMapper().readTree(SPEC), GridExpander.expand(spec, false));
        services = new StoreServices(
                store,
                "unused: nothing is launched",
                new StudyFiles(studies),
                WorkerCommand.standard(),
                new LocalExecutor.Options(1, 1, 0, Duration.ofSeconds(30), Duration.ofMillis(200)));
        for (Run run : store.runs().list(study.id())) {
            boolean fim = run.name().contains("fim=0.5");
            if (run.name().contains("fim=0.5") && run.name().contains("seed=3")) continue;
            long seed = Long.parseLong(run.name().replaceAll(".*seed=(\\d+).*", "$1"));
            // fim costs left-to-right quality: 6 of 10 problems solved, against 9 without (8 for seed 3, so
            // that the baseline's seeds differ and its interval has a width)
            finish(run, 2.0 + (fim ? 0.2 : 0) + seed * 0.01, fim ? 6 : seed == 3 ? 8 : 9);
        }
    }

    Run run(String name) {
        return store.runs().list(study.id()).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run " + name + " in " + names()));
    }

    public List<String> names() {
        return store.runs().list(study.id()).stream().map(Run::name).toList();
    }

    /** Starts the run, logs a loss curve ending near {@code finalLoss} and its evaluation, and finishes it. */
    private void finish(Run run, double finalLoss, int solved) {
        store.runs().start(run.id(), PROVENANCE);
        try (MetricWriter metrics = store.metrics().writer(run.id())) {
            for (long step = 1; step <= STEPS; step++) {
                metrics.log(MetricsSink.TRAIN_LOSS, step, finalLoss + 5.0 / step);
                metrics.log(MetricsSink.TOKENS, step, step * 128);
            }
        }
        List<EvalResult> results = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            results.add(new EvalResult(run.id(), STEPS, "desk-l2r", "l2r", "p" + p, 10, p < solved ? 10 : 0));
        }
        store.evaluations().recordAll(results);
        store.runs().finish(run.id());
    }

    @Override
    public void close() {
        services.close();
    }
}
