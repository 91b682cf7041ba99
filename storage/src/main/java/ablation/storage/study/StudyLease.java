package ablation.storage.study;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A study lease this process holds, renewed on a daemon thread every third of its timeout and
 * given up on {@link #close}. The lease is lost when another process took it over (this one did
 * not renew it in time) or when no renewal succeeded for a whole timeout (the store was out of
 * reach, so another process may have taken it); the holder checks {@link #lostReason} before it
 * acts on the study.
 */
public final class StudyLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudyLease.class);

    private final StudyLeases leases;
    private final String studyName;
    private final LeaseOwner owner;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private volatile long lastRenewalNanos = System.nanoTime();
    private volatile String lost;

    StudyLease(StudyLeases leases, String studyName, LeaseOwner owner, Duration timeout) {
        this.leases = leases;
        this.studyName = studyName;
        this.owner = owner;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lease-" + studyName);
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, timeout.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    public String studyName() {
        return studyName;
    }

    public LeaseOwner owner() {
        return owner;
    }

    /** Why this process no longer holds the lease, or null while it does. */
    public String lostReason() {
        if (lost == null && System.nanoTime() - lastRenewalNanos > timeout.toNanos()) {
            lost = "the lease of study '" + studyName + "' was not renewed for " + timeout.toSeconds()
                    + " s (the store is out of reach)";
        }
        return lost;
    }

    private void renew() {
        if (lost != null) return;
        try {
            if (leases.renew(studyName, owner)) {
                lastRenewalNanos = System.nanoTime();
            } else {
                lost = "the lease of study '" + studyName + "' was taken over by "
                        + leases.holder(studyName)
                                .map(h -> h.owner().describe())
                                .orElse("another process");
                LOG.error(lost);
            }
        } catch (RuntimeException e) {
            LOG.warn("lease of study {}: renewal failed: {}", studyName, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (lost == null) leases.release(studyName, owner);
        } catch (RuntimeException e) {
            LOG.warn(
                    "lease of study {}: not released ({}); it lapses in {} s",
                    studyName,
                    e.getMessage(),
                    timeout.toSeconds());
        }
    }
}
