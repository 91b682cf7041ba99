package ablation.engine.eval.sandbox;

import java.util.Locale;

/** How the sandbox isolates candidate programs from the host. */
public enum Isolation {
    /** Bubblewrap where it works, resource limits only otherwise (logged once). */
    AUTO,
    /** Each worker in its own bubblewrap namespaces: no network, a read-only view of Python, a private /tmp. */
    BWRAP,
    /** Resource limits (and, as root, an unprivileged uid) only: no network or filesystem isolation. */
    RLIMIT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Isolation fromLabel(String label) {
        for (Isolation isolation : values()) {
            if (isolation.label().equals(label)) return isolation;
        }
        throw new IllegalArgumentException("isolation must be auto, bwrap or rlimit, not '" + label + "'");
    }
}
