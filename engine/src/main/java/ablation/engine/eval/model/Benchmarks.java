package ablation.engine.eval.model;

import ablation.core.config.DeskDifficulty;
import ablation.core.config.EvalMode;
import ablation.core.config.UserPaths;
import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import ablation.engine.desk.DeskBenchmarks;
import java.util.List;

/** The problems an {@code eval[].benchmark} names: a desk benchmark of the run's desk seed, or a HumanEval(-Infilling) file. */
public final class Benchmarks {
    public static final String DESK_L2R = "desk-l2r";
    public static final String DESK_INFILL = "desk-infill";
    /** Problems of a desk benchmark when {@code problems} is 0: as many as HumanEval has. */
    public static final int DESK_DEFAULT_PROBLEMS = 164;

    private Benchmarks() {}

    /**
     * @param deskSeed the run's {@code data.desk_seed}: the desk benchmarks of that seed are held out of its training data
     * @param difficulty the run's {@code data.desk}: the desk benchmarks are as hard as its training documents
     * @param problems how many to take from the start (0: a file's all, a desk benchmark's {@value #DESK_DEFAULT_PROBLEMS})
     */
    public static List<Problem> load(String benchmark, long deskSeed, DeskDifficulty difficulty, int problems) {
        int desk = problems > 0 ? problems : DESK_DEFAULT_PROBLEMS;
        return switch (benchmark) {
            case DESK_L2R -> DeskBenchmarks.l2r(deskSeed, desk, difficulty);
            case DESK_INFILL -> DeskBenchmarks.infill(deskSeed, desk, difficulty);
            default -> {
                List<Problem> all = ProblemFiles.read(UserPaths.expand(benchmark));
                yield problems > 0 && problems < all.size() ? all.subList(0, problems) : all;
            }
        };
    }

    /** A generated desk benchmark, as opposed to a file. */
    public static boolean isDesk(String benchmark) {
        return benchmark.equals(DESK_L2R) || benchmark.equals(DESK_INFILL);
    }

    /** Reads a benchmark file through, so that a missing or malformed one fails before a run trains. */
    public static void checkFile(String benchmark) {
        ProblemFiles.read(UserPaths.expand(benchmark));
    }

    /** The mode a benchmark is meant for: infill when its problems have a suffix. */
    public static EvalMode defaultMode(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isInfill) ? EvalMode.INFILL : EvalMode.L2R;
    }
}
