package ablation.reports.model;

import java.util.Arrays;

/**
 * The five lessons of CodeGen2 (Nijkamp et al., 2023, arXiv:2305.02309) as the report states them,
 * with what the paper reports for each. A paper figure is given only where the paper states one
 * number; elsewhere the claim is qualitative and the report says so.
 */
public enum Lesson {
    PREFIX_LM(1, "Prefix-LM's benefit is questionable",
            "A prefix-LM (bidirectional attention over a prefix, loss masked there) brings no gain for "
                    + "left-to-right generation over a causal decoder.",
            "qualitative claim: no gain of the prefix-LM over the causal decoder at 1B",
            "no gain (qualitative)"),
    INFILL_COST(2, "Infill is not a free lunch",
            "Adding infill training costs some left-to-right quality.",
            "about -1 point HumanEval pass@1 at 1B when infill training is added (CodeGen2, lesson 2)",
            "about -0.01 HumanEval pass@1 (1B)"),
    OBJECTIVE(3, "The objective can be simple, yet needs to be chosen carefully",
            "A 50/50 mix of causal LM and file-level span corruption (no task tokens) stays competitive "
                    + "with causal LM on left-to-right generation and gains infill.",
            "qualitative claim: the 50/50 causal LM + span corruption mix is the paper's final recipe",
            "competitive (qualitative)"),
    MIXTURE(4, "Mixing natural and programming language is promising",
            "At equal compute a 50/50 mix of natural and programming language comes close to each "
                    + "domain-specific model in its own domain.",
            "qualitative claim: the mix comes close to the domain-specific models",
            "close (qualitative)"),
    EPOCHS(5, "Multi-epoch training is effective",
            "Several epochs over the same data, at an equal token budget, do not hurt left-to-right quality.",
            "qualitative claim: CodeGen2.5-7B was trained on 1.4T tokens over several epochs of the same data",
            "no harm (qualitative)");

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

    /** What the paper reports, cited, or "qualitative claim: ..." where it gives no single number. */
    public String paperFigure() {
        return paperFigure;
    }

    /** The paper's figure in a few words, for the comparison tables beside our differences. */
    public String paperDifference() {
        return paperDifference;
    }

    public static Lesson of(int number) {
        return Arrays.stream(values()).filter(l -> l.number == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lesson " + number + " does not exist (1-5)"));
    }
}
