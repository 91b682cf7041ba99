package ablation.experiments.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigLoader;
import ablation.experiments.executor.StudyLayout;
import ablation.storage.TrackingStore;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker of a Slurm array task claims: queued runs first, then orphaned ones, never a run that has ended. */
class WorkerClaimTest {
    @TempDir
    Path root;

    private TrackingStore store;
    private Study study;

    @BeforeEach
    void openStore() {
        store = TrackingStore.open("jdbc:h2:mem:claim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        study = store.studies().create("claims", null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A valid run config: resuming an orphan reads its logging interval and length. */
    private static final String CONFIG =
            ConfigLoader.JSON.valueToTree(ConfigLoader.parse("""
            name: claimed
            model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
            data: {sources: [{name: py, kind: desk-pl}]}
            train: {tokens: 4096, batch: 4, seed: 1}
            """)).toString();

    private Run queue(String name) {
        return store.runs().create(study.id(), new NewRun(name, CONFIG, "hash-" + name, "cell-" + name));
    }

    private Optional<Run> claim() {
        return WorkerMain.claim(store, study.id(), new StudyLayout(root));
    }

    @Test
    void queuedRunsAreClaimedOnceEachInOrder() {
        Run a = queue("a");
        Run b = queue("b");
        assertEquals(a.id(), claim().orElseThrow().id());
        assertEquals(b.id(), claim().orElseThrow().id());
        assertTrue(claim().isEmpty(), "two runs, two claims");
        assertEquals(RunStatus.RUNNING, store.runs().require(a.id()).status());
    }

    @Test
    void anOrphanedRunIsClaimedWhenNoQueuedRunIsLeftAndNeverAnEndedOne() {
        Run lost = queue("lost");
        Run cancelled = queue("cancelled");
        Run waiting = queue("waiting");
        assertEquals(lost.id(), claim().orElseThrow().id());
        store.runs().cancel(cancelled.id());
        store.runs().markOrphans(Duration.ofSeconds(-1)); // every heartbeat is stale
        assertEquals(RunStatus.ORPHANED, store.runs().require(lost.id()).status());

        assertEquals(waiting.id(), claim().orElseThrow().id(), "queued runs come first");
        Run resumed = claim().orElseThrow();
        assertEquals(lost.id(), resumed.id());
        assertEquals(RunStatus.RUNNING, resumed.status());
        assertTrue(claim().isEmpty(), "the cancelled run stays cancelled");
        assertEquals(RunStatus.CANCELLED, store.runs().require(cancelled.id()).status());
    }
}
