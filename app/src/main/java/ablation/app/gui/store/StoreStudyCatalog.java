package ablation.app.gui.store;

import ablation.app.gui.studies.StudyCatalog;
import ablation.app.gui.studies.StudyEntry;
import ablation.storage.TrackingStore;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The studies of the files (samples, templates, opened files) with their progress from the
 * tracking store ({@code 3/15 finished, 1 running}), and the store's studies that have no file
 * listed here.
 */
public final class StoreStudyCatalog implements StudyCatalog {
    private final StudyCatalog files;
    private final TrackingStore store;

    public StoreStudyCatalog(StudyCatalog files, TrackingStore store) {
        this.files = files;
        this.store = store;
    }

    @Override
    public List<StudyEntry> studies() {
        List<StudyEntry> entries = new ArrayList<>();
        List<Study> stored = store.studies().list();
        Map<String, Study> byName = new java.util.HashMap<>();
        stored.forEach(s -> byName.put(s.name(), s));
        Set<String> listed = new HashSet<>();
        for (StudyEntry entry : files.studies()) {
            Study study = byName.get(entry.name());
            if (study == null || !entry.valid()) {
                entries.add(entry);
                continue;
            }
            listed.add(entry.name());
            List<Run> runs = store.runs().list(study.id());
            entries.add(entry.withStatus(runs.size(), progress(runs)));
        }
        for (Study study : stored) {
            if (listed.contains(study.name())) continue;
            List<Run> runs = store.runs().list(study.id());
            entries.add(new StudyEntry(study.name(), null, null, StudyEntry.Origin.STORE, runs.size(), progress(runs)));
        }
        return entries;
    }

    @Override
    public void remember(Path file) {
        files.remember(file);
    }

    /** {@code 3/15 finished}, then the runs running, failed, cancelled or orphaned, if any. */
    static String progress(List<Run> runs) {
        if (runs.isEmpty()) return "no runs";
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        runs.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        StringBuilder text = new StringBuilder()
                .append(counts.getOrDefault(RunStatus.FINISHED, 0))
                .append('/')
                .append(runs.size())
                .append(" finished");
        for (RunStatus status : List.of(
                RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.ORPHANED)) {
            int count = counts.getOrDefault(status, 0);
            if (count > 0) text.append(", ").append(count).append(' ').append(status.dbValue());
        }
        return text.toString();
    }
}
