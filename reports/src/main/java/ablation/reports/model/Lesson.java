package ablation.reports.model;

import java.util.Arrays;

/**
 * The five lessons of CodeGen2 (Nijkamp et al., 2023, arXiv:2305.02309): each claim quoted as the
 * paper states it, and what the paper reports for it with where that figure comes from. The paper's
 * abstract announces "five lessons"; their statements are the paper's; its tables are not available
 * here, so the one number given (lesson 2) is from secondary summaries of the paper, and says so.
 */
public enum Lesson {
    PREFIX_LM(
            1,
            "Prefix-LM's benefit is questionable",
            "Prefix-LM's benefit is questionable: a prefix-LM (bidirectional attention over a prefix, loss masked "
                    + "there) brings no gain for generation over a causal decoder.",
            "qualitative: no gain of the prefix-LM over the causal decoder at 1B (the paper's lesson 1; no single "
                    + "figure is quoted)",
            "no gain (qualitative)"),
    INFILL_COST(
            2,
            "Infill is not a free lunch",
            "Infill is not a free lunch: adding infill training costs some left-to-right quality.",
            "about -1 point HumanEval pass@1 at 1B when infill training is added (secondary summaries of the paper; "
                    + "its tables are not available here)",
            "about -0.01 HumanEval pass@1 (1B)"),
    OBJECTIVE(
            3,
            "The objective can be simple, yet needs to be chosen carefully",
            "The objective can be simple, yet needs to be chosen carefully. Final recipe: for each sequence, causal "
                    + "LM with probability 0.5, otherwise span corruption applied within each file (no task tokens).",
            "qualitative: the 50/50 causal LM + span corruption mix is the paper's final recipe (the paper's lesson 3)",
            "competitive (qualitative)"),
    MIXTURE(
            4,
            "Mixing natural and programming language is promising",
            "Mixing natural and programming language is promising: at equal compute a 50/50 mix comes close to each "
                    + "domain-specific model in its own domain.",
            "qualitative: the mix comes close to the domain-specific models (the paper's lesson 4)",
            "close (qualitative)"),
    EPOCHS(
            5,
            "Multi-epoch training is effective",
            "Multi-epoch training is effective: training longer over several epochs of the same data helps.",
            "qualitative: CodeGen2.5-7B was trained on 1.4T tokens over several epochs of the same data (the "
                    + "CodeGen2.5 release notes, a secondary source; the paper's lesson 5)",
            "more epochs help (qualitative)");

    private final int number;
    private final String title;
    private final String claim;
    private final String paperFigure;
    private final String paperDifference;

    Lesson(int number, String title, String claim, String paperFigure, String paperDifference) {
        this.number = number;
        this.title = title;
        this.claim = claim;
        this.paperFigure = paperFigure;
        this.paperDifference = paperDifference;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The statement the verdict is about. */
    public String claim() {
        return claim;
    }

    /** What the paper reports and where that figure comes from, or "qualitative: ..." where it gives no number. */
    public String paperFigure() {
        return paperFigure;
    }

    /** The paper's figure in a few words, for the comparison tables beside our differences. */
    public String paperDifference() {
        return paperDifference;
    }

    public static Lesson of(int number) {
        return Arrays.stream(values())
                .filter(l -> l.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lesson " + number + " does not exist (1-5)"));
    }
}
