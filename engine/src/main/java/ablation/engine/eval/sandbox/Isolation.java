package ablation.engine.eval.sandbox;

import java.util.Locale;

/** How the sandbox isolates candidate programs from the host. */
public enum Isolation {
    /**
     * Bubblewrap where it works; otherwise, as root, resource limits with candidates under an unprivileged uid
     * (logged once). Never candidates under this user's own uid: that needs {@link #RLIMIT} explicitly.
     */
    AUTO,
    /** Each worker in its own bubblewrap namespaces: no network, a read-only view of Python, a private /tmp. */
    BWRAP,
    /**
     * Resource limits only: no network or filesystem isolation. As root candidates run under an unprivileged
     * uid, or not at all when that uid cannot read Python; as an ordinary user under that user's uid, without fork.
     */
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
