package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.engine.eval.sandbox.Isolation;
import picocli.CommandLine.Option;

/** The sandbox isolation option of the commands that execute programs ({@code @Mixin IsolationOption isolation;}). */
public final class IsolationOption {
    @Option(
            names = "--isolation",
            defaultValue = "auto",
            paramLabel = "auto|bwrap|rlimit",
            description = "Sandbox isolation (default ${DEFAULT-VALUE}: bubblewrap when it works, else as root "
                    + "resource limits under an unprivileged uid; candidates never run as root, and auto never runs "
                    + "them under your own uid: rlimit does, when asked for).")
    String label;

    /** The chosen isolation; an unknown label is an error naming the choices. */
    Isolation value() {
        try {
            return Isolation.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(e.getMessage());
        }
    }
}
