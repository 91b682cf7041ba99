package ablation.storage.study;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A process that may hold a study's lease: its host, pid and start time (the start time tells a
 * reused pid from the process that took the lease). Times are kept to the millisecond, the precision
 * every supported database stores.
 */
public record LeaseOwner(String host, long pid, Instant startedAt) {
    public LeaseOwner {
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** This JVM. */
    public static LeaseOwner thisProcess() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(Instant.EPOCH);
        return new LeaseOwner(hostName(), self.pid(), started);
    }

    /** {@code pid 1234 on host (started 2026-12-02T13:30:00Z)}, for messages. */
    public String describe() {
        return "pid " + pid + " on " + host + " (started " + startedAt + ")";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }
}
