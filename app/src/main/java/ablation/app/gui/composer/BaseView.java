package ablation.app.gui.composer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an axis reads from the base config being composed: a FIM-rate axis shares the rest of the
 * mix among the base's objectives, a data-mixture axis reweights the base's sources.
 *
 * @param objective the base's objective weights in {@link ablation.core.config.ObjectiveKind} order
 * @param usableObjectives which objectives the base's architecture allows
 * @param sources the base's data sources as written in the study file
 */
public record BaseView(double[] objective, boolean[] usableObjectives, List<ObjectNode> sources) {
    public BaseView {
        objective = objective.clone();
        usableObjectives = usableObjectives.clone();
        sources = List.copyOf(sources);
    }
}
