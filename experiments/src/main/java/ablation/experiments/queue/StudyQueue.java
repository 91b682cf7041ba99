package ablation.experiments.queue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.spec.RunSpec;
import ablation.storage.TrackingStore;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a study's runs in the store's queue. A study name is used by one spec only: starting the
 * same file again resumes it (runs already queued or done are kept), a different spec under a used
 * name is refused, never mixed in.
 */
public final class StudyQueue {
    private StudyQueue() {}

    /**
     * @param specTree the study file as parsed (stored as the study's spec; compared on a restart)
     * @return the study, with every run of {@code runs} queued or already present
     */
    public static Study enqueue(TrackingStore store, String studyName, JsonNode specTree, List<RunSpec> runs) {
        String specJson = specTree.toString();
        Optional<Study> existing = store.studies().byName(studyName);
        Study study;
        if (existing.isPresent()) {
            study = existing.get();
            if (!sameSpec(study.specJson(), specTree)) {
                throw new WorkbenchException(
                        "study '" + studyName + "' already exists in " + store.displayUrl()
                                + " with a different spec; run the same file again to resume it, or give the new study another name");
            }
        } else {
            study = store.studies().create(studyName, specJson);
        }
        Set<String> present = new HashSet<>();
        for (Run run : store.runs().list(study.id())) present.add(run.configHash());
        for (RunSpec run : runs) {
            if (present.contains(run.configHash())) continue;
            store.runs().create(study.id(), new NewRun(run.name(), run.configJson(), run.configHash(), run.cellKey()));
        }
        return study;
    }

    /** Same study, wherever it runs: the {@code slurm:} section may change between starts (a new partition, more time). */
    private static boolean sameSpec(String storedJson, JsonNode specTree) {
        if (storedJson == null) return false;
        try {
            return withoutExecution(ConfigLoader.JSON.readTree(storedJson)).equals(withoutExecution(specTree));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The spec without how it is executed (where and how many at once), which may change on a restart. */
    private static JsonNode withoutExecution(JsonNode spec) {
        if (!spec.isObject()) return spec;
        ObjectNode copy = ((ObjectNode) spec).deepCopy();
        copy.remove("slurm");
        copy.remove("parallel");
        return copy;
    }
}
