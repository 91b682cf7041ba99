package ablation.storage.run;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.TrackingStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker learns that it has lost its run, so it stops before another worker resumes the run
 * (issue 14: an orphaned worker trained on with nowhere to store its points).
 */
class HeartbeatTest {
    private static final Provenance HERE = new Provenance("test", null, null, "cpu", "host", "os", "17");

    @Test
    void aRunThatIsNoLongerRunningIsLostAtTheNextBeat() throws Exception {
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:beat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            long runId = startedRun(store);
            CompletableFuture<String> lost = new CompletableFuture<>();
            try (Heartbeat ignored = store.runs().heartbeatEvery(runId, Duration.ofMillis(50), lost::complete)) {
                Thread.sleep(200);
                assertNull(lost.getNow(null), "a running run is not lost");
                store.runs().cancel(runId);
                String reason = lost.get(30, TimeUnit.SECONDS);
                assertTrue(reason.contains("no longer this worker's") && reason.contains("cancelled"), reason);
            }
        }
    }

    @Test
    void aStoreOutOfReachLosesTheRunAfterThreeIntervals() throws Exception {
        String url = "jdbc:h2:mem:beat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        TrackingStore store = TrackingStore.open(url);
        long runId = startedRun(store);
        CompletableFuture<String> lost = new CompletableFuture<>();
        try (Heartbeat ignored = store.runs().heartbeatEvery(runId, Duration.ofMillis(50), lost::complete)) {
            store.close(); // every beat fails from here on
            String reason = lost.get(30, TimeUnit.SECONDS);
            assertTrue(reason.contains("no heartbeat of run " + runId + " reached the store"), reason);
        }
    }

    private static long startedRun(TrackingStore store) {
        long studyId = store.studies().create("beats", null).id();
        long runId =
                store.runs().create(studyId, new NewRun("r", "{}", "h", "c")).id();
        store.runs().start(runId, HERE);
        return runId;
    }
}
