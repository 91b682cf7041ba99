package ablation.experiments.preflight;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.config.EvalConfig;
import ablation.core.config.RunConfig;
import ablation.core.spec.RunSpec;
import ablation.engine.eval.model.Benchmarks;
import ablation.engine.train.MemoryBudget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What is checked before a run writes anything or trains a step (docs/ARCHITECTURE.md, "Bad input"):
 * every benchmark file its evaluations name exists and parses, and its model fits the memory of
 * the machine. A study checks all its runs before it queues them; a run checks itself again where
 * it trains.
 */
public final class Preflight {
    private Preflight() {}

    /** One run, about to train here with vocabulary {@code vocab}. */
    public static void check(RunConfig config, int vocab, MemoryBudget budget) {
        benchmarks(config.eval());
        budget.check(config, vocab);
    }

    /**
     * Every run of a study, each benchmark file read once.
     *
     * @param budget the memory of the machine the runs train on, or null when that is another machine
     *               (a Slurm node): its worker checks there
     */
    public static void check(List<RunSpec> runs, MemoryBudget budget) {
        benchmarks(runs.stream().flatMap(run -> run.config().eval().stream()).toList());
        if (budget == null) return;
        for (RunSpec run : runs) {
            try {
                budget.check(run.config(), run.vocabSize());
            } catch (WorkbenchException e) {
                throw new WorkbenchException("run " + run.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void benchmarks(List<EvalConfig> evals) {
        Set<String> files = new LinkedHashSet<>();
        for (EvalConfig eval : evals) {
            if (!Benchmarks.isDesk(eval.benchmark())) files.add(eval.benchmark());
        }
        for (String file : files) {
            try {
                Benchmarks.checkFile(file);
            } catch (WorkbenchException e) {
                throw new ConfigException("eval[" + file + "].benchmark", file, e.getMessage());
            }
        }
    }
}
