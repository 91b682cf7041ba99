package ablation.experiments.queue;

import ablation.engine.WorkbenchException;
import ablation.engine.config.ConfigLoader;
import ablation.experiments.spec.RunSpec;
import ablation.storage.TrackingStore;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
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
                throw new WorkbenchException("study '" + studyName + "' already exists in " + store.displayUrl()
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

    private static boolean sameSpec(String storedJson, JsonNode specTree) {
        if (storedJson == null) return false;
        try {
            return ConfigLoader.JSON.readTree(storedJson).equals(specTree);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
