package ablation.engine.desk;

import ablation.core.WorkbenchException;
import ablation.core.config.DeskDifficulty;
import ablation.engine.desk.Inputs.Case;
import java.util.List;
import java.util.SplittableRandom;

/** Generated functions from one side of the held-out split, at one difficulty. */
final class FunctionSource {
    /** Draws tried before concluding that the difficulty leaves no program on the wanted side. */
    private static final int MAX_DRAWS = 100_000;

    private final DeskDifficulty difficulty;
    private final ProgramSampler sampler;
    private final FunctionWriter writer;

    FunctionSource(DeskDifficulty difficulty) {
        this.difficulty = difficulty;
        this.sampler = new ProgramSampler(difficulty);
        this.writer = new FunctionWriter(difficulty);
    }

    /**
     * The next function whose program is held out ({@code heldOut}) or a training program (otherwise),
     * with inputs on which it is defined and not constant.
     */
    DeskFunction next(SplittableRandom rng, boolean heldOut) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Program program = sampler.sample(rng);
            if (HeldOut.isHeldOut(program) != heldOut) continue;
            List<Case> cases = Inputs.cases(program, rng, Math.max(2, difficulty.examples()));
            if (cases == null) continue;
            return writer.write(program, rng, cases, difficulty.examples());
        }
        throw new WorkbenchException(
                "the desk difficulty " + difficulty + " leaves no " + (heldOut ? "held-out" : "training")
                        + " program after " + MAX_DRAWS + " draws: enable more families or steps");
    }
}
