package ablation.core.spec;

import ablation.core.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One comparison inside a study: overrides of the study's base, and axes combined as a full grid
 * or zipped (the i-th values of every axis together).
 *
 * @param lesson the CodeGen2 lesson (1-5) the comparison tests, or 0 for none
 * @param margin what difference the lesson's verdict counts as negligible, relative to the baseline arm's
 *               value (0.1: a tenth of it)
 */
public record Ablation(int lesson, String title, JsonNode overrides, List<Axis> axes, String combine, double margin) {
    public static final String GRID = "grid";
    public static final String ZIP = "zip";
    /** The default relative margin: 10% of the baseline arm's value. */
    public static final double DEFAULT_MARGIN = 0.10;

    public Ablation {
        if (lesson < 0 || lesson > 5) throw new ConfigException("lesson", lesson, "must be 1-5 (or omitted)");
        axes = axes == null ? List.of() : List.copyOf(axes);
        if (combine == null) combine = GRID;
        if (!(margin > 0 && margin < 1))
            throw new ConfigException(
                    "margin", margin, "must be a fraction of the baseline's value in (0, 1), e.g. 0.1");
        if (!combine.equals(GRID) && !combine.equals(ZIP))
            throw new ConfigException("combine", combine, "must be grid or zip");
        if (combine.equals(ZIP)
                && axes.stream().map(a -> a.values().size()).distinct().count() > 1) {
            throw new ConfigException(
                    "combine",
                    combine,
                    "zipped axes need the same number of values: "
                            + axes.stream()
                                    .map(a -> a.path() + ":" + a.values().size())
                                    .toList());
        }
    }
}
