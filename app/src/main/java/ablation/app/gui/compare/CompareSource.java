package ablation.app.gui.compare;

import java.util.List;

/** What the compare view reads from the tracking store. Called off the FX thread. */
public interface CompareSource {
    /** The study's runs with their flattened configs, in queue order. */
    List<CompareRun> runs(String study);

    /** Charts and the table of final metrics for these arms. */
    Comparison compare(List<RunGroup> groups);
}
