package ablation.engine.desk;

import ablation.core.config.DeskDifficulty;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws programs from the grammar: a starting family and type, then 1..{@code maxSteps} steps whose
 * input type matches the previous step's output, constants drawn from their ranges and some of them
 * lifted into parameters (up to {@code maxArgs} parameters in all).
 */
final class ProgramSampler {
    /** Chance that a liftable constant becomes a parameter while the parameter budget allows it. */
    private static final double LIFT_CHANCE = 0.3;
    /** Chance that an arithmetic function takes two integers rather than one (when maxArgs allows it). */
    private static final double PAIR_CHANCE = 0.4;

    private final DeskDifficulty difficulty;
    private final List<Family> starts = new ArrayList<>();
    private final List<Fragment> enabled = new ArrayList<>();

    ProgramSampler(DeskDifficulty difficulty) {
        this.difficulty = difficulty;
        EnumSet<Family> families = Family.firstN(difficulty.families());
        for (Family f : List.of(Family.NUMBERS, Family.TEXT, Family.WORDS, Family.ARITHMETIC)) {
            if (families.contains(f)) starts.add(f);
        }
        for (Fragment f : Fragments.ALL) if (families.contains(f.family())) enabled.add(f);
    }

    Program sample(SplittableRandom rng) {
        while (true) {
            PyType type = startType(starts.get(rng.nextInt(starts.size())), rng);
            int length = 1 + rng.nextInt(difficulty.maxSteps());
            int params = type == PyType.INT_PAIR ? 2 : 1;
            List<Step> steps = new ArrayList<>();
            String previous = "";
            for (int i = 0; i < length; i++) {
                Fragment f = pick(type, previous, i == length - 1, rng);
                if (f == null) break;
                Object constant = null;
                boolean lifted = false;
                if (f.constant() != null) {
                    constant = f.constant()
                            .values()
                            .get(rng.nextInt(f.constant().values().size()));
                    lifted = params < difficulty.maxArgs() && rng.nextDouble() < LIFT_CHANCE;
                    if (lifted) params++;
                }
                steps.add(new Step(f, constant, lifted));
                type = f.out();
                previous = f.id();
                if (f.terminal()) break;
            }
            if (!steps.isEmpty()) return new Program(steps.get(0).fragment().in(), steps);
        }
    }

    private PyType startType(Family family, SplittableRandom rng) {
        return switch (family) {
            case NUMBERS -> PyType.INTS;
            case TEXT -> PyType.STR;
            case WORDS -> PyType.STRS;
            case ARITHMETIC ->
                difficulty.maxArgs() >= 2 && rng.nextDouble() < PAIR_CHANCE ? PyType.INT_PAIR : PyType.INT;
            default -> throw new IllegalStateException("not a starting family: " + family);
        };
    }

    /** A fragment taking {@code type}; terminal ones only in last position unless nothing else fits. */
    private Fragment pick(PyType type, String previous, boolean last, SplittableRandom rng) {
        List<Fragment> open = new ArrayList<>();
        List<Fragment> terminal = new ArrayList<>();
        for (Fragment f : enabled) {
            if (f.in() != type || f.id().equals(previous)) continue;
            (f.terminal() ? terminal : open).add(f);
        }
        if (last) open.addAll(terminal);
        if (open.isEmpty()) open = terminal;
        return open.isEmpty() ? null : open.get(rng.nextInt(open.size()));
    }
}
