package ablation.storage.study;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who drives each study: a lease per study name, so that two processes never launch workers for
 * the same runs. A lease is taken when free, expired (not renewed for its timeout: its holder died
 * without releasing it) or already this process's; otherwise {@link #acquire} refuses, naming the
 * holder. A holder on this host whose process has ended (killed) is taken over at once. Every
 * comparison of times uses the database's clock.
 */
public final class StudyLeases {
    /** How long a lease outlives its holder's last renewal when no timeout is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Jdbc jdbc;

    public StudyLeases(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What a lease row says. */
    public record Holder(LeaseOwner owner, Instant acquiredAt, Instant renewedAt) {}

    /**
     * Takes the study's lease for {@code owner} and renews it every third of {@code timeout} until the
     * returned lease is closed.
     *
     * @throws StudyLeaseHeldException when another process holds a lease renewed within {@code timeout}
     */
    public StudyLease acquire(String studyName, LeaseOwner owner, Duration timeout) {
        Instant now = jdbc.now();
        Instant expired = now.minus(timeout);
        int taken = jdbc.update(
                "UPDATE study_leases SET owner_host = ?, owner_pid = ?, owner_started_at = ?,"
                        + " acquired_at = ?, renewed_at = ? WHERE study_name = ? AND (renewed_at < ?"
                        + " OR (owner_host = ? AND owner_pid = ? AND owner_started_at = ?))",
                owner.host(),
                owner.pid(),
                owner.startedAt(),
                now,
                now,
                studyName,
                expired,
                owner.host(),
                owner.pid(),
                owner.startedAt());
        if (taken == 0) {
            try {
                taken = jdbc.update(
                        "INSERT INTO study_leases (study_name, owner_host, owner_pid, owner_started_at,"
                                + " acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?, ?)",
                        studyName,
                        owner.host(),
                        owner.pid(),
                        owner.startedAt(),
                        now,
                        now);
            } catch (StoreException held) {
                taken = 0; // the row exists: a live holder (or one that raced us to it)
            }
        }
        if (taken == 0) {
            Optional<Holder> dead = holder(studyName).filter(h -> isGoneOnThisHost(h.owner(), owner));
            if (dead.isPresent()) {
                LeaseOwner gone = dead.get().owner();
                taken = jdbc.update(
                        "UPDATE study_leases SET owner_host = ?, owner_pid = ?, owner_started_at = ?,"
                                + " acquired_at = ?, renewed_at = ? WHERE study_name = ? AND owner_host = ?"
                                + " AND owner_pid = ? AND owner_started_at = ?",
                        owner.host(),
                        owner.pid(),
                        owner.startedAt(),
                        now,
                        now,
                        studyName,
                        gone.host(),
                        gone.pid(),
                        gone.startedAt());
            }
        }
        if (taken == 0) {
            Holder holder = holder(studyName)
                    .orElseThrow(() -> new StoreException(
                            "the lease of study '" + studyName + "' could not be taken; start the study again"));
            long ago = Math.max(0, Duration.between(holder.renewedAt(), now).toSeconds());
            throw new StudyLeaseHeldException(
                    "study '" + studyName + "' is already being run by "
                            + holder.owner().describe() + ", lease renewed " + ago
                            + " s ago; stop that process, or wait:"
                            + " its lease lapses " + timeout.toSeconds() + " s after its last renewal",
                    holder.owner());
        }
        return new StudyLease(this, studyName, owner, timeout);
    }

    /**
     * Whether the holder ran on this host and is no longer running (killed, say): its lease need not
     * lapse first. A pid now used by another process is told apart by its start time.
     */
    private static boolean isGoneOnThisHost(LeaseOwner holder, LeaseOwner self) {
        if (!holder.host().equals(self.host())) return false;
        return ProcessHandle.of(holder.pid())
                .map(process -> !process.isAlive()
                        || process.info()
                                .startInstant()
                                .map(start -> !new LeaseOwner(holder.host(), holder.pid(), start).equals(holder))
                                .orElse(false))
                .orElse(true);
    }

    /** The study's lease row, live or expired. */
    public Optional<Holder> holder(String studyName) {
        return jdbc.queryOne(
                "SELECT owner_host, owner_pid, owner_started_at, acquired_at, renewed_at FROM study_leases"
                        + " WHERE study_name = ?",
                row -> new Holder(
                        new LeaseOwner(
                                row.getString("owner_host"),
                                row.getLong("owner_pid"),
                                Jdbc.instant(row, "owner_started_at")),
                        Jdbc.instant(row, "acquired_at"),
                        Jdbc.instant(row, "renewed_at")),
                studyName);
    }

    /** Renews the owner's lease; false when the lease is no longer the owner's. */
    boolean renew(String studyName, LeaseOwner owner) {
        return jdbc.update(
                        "UPDATE study_leases SET renewed_at = ? WHERE study_name = ? AND owner_host = ?"
                                + " AND owner_pid = ? AND owner_started_at = ?",
                        jdbc.now(),
                        studyName,
                        owner.host(),
                        owner.pid(),
                        owner.startedAt())
                == 1;
    }

    /** Gives the lease up, if it is still the owner's. */
    void release(String studyName, LeaseOwner owner) {
        jdbc.update(
                "DELETE FROM study_leases WHERE study_name = ? AND owner_host = ? AND owner_pid = ?"
                        + " AND owner_started_at = ?",
                studyName,
                owner.host(),
                owner.pid(),
                owner.startedAt());
    }
}
