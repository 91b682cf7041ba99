package ablation.app.gui.store;

import ablation.app.gui.Dialogs;
import ablation.app.gui.GuiServices;
import ablation.app.gui.studies.StudyCatalog;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.WorkerCommand;
import ablation.storage.TrackingStore;
import java.util.Optional;

/**
 * The window's services on an open tracking store: studies with their progress, the local study
 * runner, the runs, compare and lessons views' sources. Closing stops a training study (its runs
 * resume at its next launch) and closes the store.
 */
public final class StoreServices implements AutoCloseable {
    private final TrackingStore store;
    private final LocalStudyService runner;
    private final StudyFiles files;

    /** @param url the store's JDBC URL, which the worker processes open too */
    public StoreServices(
            TrackingStore store, String url, StudyFiles files, WorkerCommand worker, LocalExecutor.Options options) {
        this.store = store;
        this.files = files;
        this.runner = new LocalStudyService(store, url, files, worker, options);
    }

    /**
     * Services on an open store; a study's runs train in worker processes (which log in with
     * {@code worker}'s credentials) with the machine's threads, one run at a time.
     */
    public static StoreServices of(TrackingStore store, String url, StudyFiles files, WorkerCommand worker) {
        return new StoreServices(store, url, files, worker, LocalExecutor.Options.defaults());
    }

    public GuiServices services(StudyCatalog studyFiles, Dialogs dialogs, double flopsPerSecond) {
        return new GuiServices(
                new StoreStudyCatalog(studyFiles, store),
                dialogs,
                Optional.of(runner),
                Optional.of(new StoreRuns(store, runner, files)),
                Optional.of(new StoreComparison(store)),
                Optional.of(new StoreLessons(store)),
                store.displayUrl(),
                flopsPerSecond);
    }

    public TrackingStore store() {
        return store;
    }

    @Override
    public void close() {
        runner.close();
        store.close();
    }
}
