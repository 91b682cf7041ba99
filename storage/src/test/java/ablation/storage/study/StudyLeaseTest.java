package ablation.storage.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.TrackingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process drives a study at a time (issue 14: two study processes both launched workers for the same runs). */
class StudyLeaseTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    /** A live process on this host other than this JVM: the lease's holder in these tests. */
    private static LeaseOwner otherLiveProcess(Process process) {
        return new LeaseOwner(
                LeaseOwner.thisProcess().host(),
                process.pid(),
                process.info().startInstant().orElseThrow());
    }

    private static Process sleeper() throws Exception {
        return new ProcessBuilder("sleep", "600").start();
    }

    @Test
    void aSecondProcessIsRefusedAndToldWhoHoldsTheLease() throws Exception {
        Process other = sleeper();
        try (TrackingStore store = TrackingStore.open("jdbc:h2:file:" + dir.resolve("db"))) {
            LeaseOwner holder = otherLiveProcess(other);
            try (StudyLease held = store.leases().acquire("s", holder, LONG)) {
                StudyLeaseHeldException refused = assertThrows(
                        StudyLeaseHeldException.class,
                        () -> store.leases().acquire("s", LeaseOwner.thisProcess(), LONG));
                assertTrue(
                        refused.getMessage().contains("pid " + other.pid() + " on " + holder.host()),
                        refused.getMessage());
                assertEquals(holder, refused.holder());
                store.leases()
                        .acquire("another study", LeaseOwner.thisProcess(), LONG)
                        .close();
                assertNull(held.lostReason());
            }
            // released on close: the next process takes it at once
            try (StudyLease mine = store.leases().acquire("s", LeaseOwner.thisProcess(), LONG)) {
                assertEquals(
                        LeaseOwner.thisProcess(),
                        store.leases().holder("s").orElseThrow().owner());
                assertNull(mine.lostReason());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theLeaseOfAKilledProcessOnThisHostIsTakenAtOnce() throws Exception {
        Process killed = sleeper();
        LeaseOwner dead = otherLiveProcess(killed);
        try (TrackingStore store = TrackingStore.open("jdbc:h2:file:" + dir.resolve("db"))) {
            StudyLease orphaned = store.leases().acquire("s", dead, LONG);
            killed.destroyForcibly();
            killed.waitFor(10, TimeUnit.SECONDS);
            try (StudyLease mine = store.leases().acquire("s", LeaseOwner.thisProcess(), LONG)) {
                assertEquals(
                        LeaseOwner.thisProcess(),
                        store.leases().holder("s").orElseThrow().owner());
            }
            orphaned.close();
        }
    }

    @Test
    void aLeaseNotRenewedInTimeIsTakenOverAndItsHolderLearnsIt() throws Exception {
        Process other = sleeper();
        try (TrackingStore store = TrackingStore.open("jdbc:h2:file:" + dir.resolve("db"))) {
            LeaseOwner remote = new LeaseOwner("another-host", 4242, Instant.parse("2026-01-01T00:00:00Z"));
            // renewed every 300 ms; a process that counts 100 ms without renewal as expired takes it over
            try (StudyLease slow = store.leases().acquire("s", remote, Duration.ofMillis(900))) {
                StudyLease taken = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (taken == null) {
                    try {
                        taken = store.leases().acquire("s", otherLiveProcess(other), Duration.ofMillis(100));
                    } catch (StudyLeaseHeldException stillHeld) {
                        assertTrue(System.nanoTime() < deadline, "never taken over: " + stillHeld.getMessage());
                        Thread.sleep(20);
                    }
                }
                while (slow.lostReason() == null) {
                    assertTrue(System.nanoTime() < deadline, "the first holder never learnt it lost the lease");
                    Thread.sleep(20);
                }
                assertTrue(slow.lostReason().contains("taken over by pid " + other.pid()), slow.lostReason());
                taken.close();
            }
        } finally {
            other.destroyForcibly();
        }
    }
}
