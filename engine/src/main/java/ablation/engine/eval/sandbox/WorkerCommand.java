package ablation.engine.eval.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a worker process is started: plain {@code python}, or python inside bubblewrap. Candidates are
 * forked by the worker, so they share its namespaces.
 *
 * @param prefix the bubblewrap command line before python's own, empty for {@link Isolation#RLIMIT}
 * @param namespace whether the worker is alone in a PID namespace (so it may kill every other process in it)
 * @param dropUid whether the worker is root and may run candidates under their own unprivileged uid
 * @param workRoot prefix of the worker's own directory (its pid is appended), where it makes candidate directories
 */
record WorkerCommand(Isolation isolation, List<String> prefix, boolean namespace, boolean dropUid, String workRoot) {
    /** Python code that reads the harness source from stdin and runs it: no harness file exists for candidates. */
    static final String BOOTSTRAP = "import sys;exec(compile(sys.stdin.buffer.read(int(sys.stdin.buffer.readline())),"
            + "'harness','exec'),{'__name__':'harness'})";

    /** Capabilities the root worker keeps inside bubblewrap: enough to drop to, clean up after and kill a uid. */
    private static final List<String> ROOT_CAPABILITIES =
            List.of("CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_KILL", "CAP_DAC_OVERRIDE", "CAP_FOWNER");

    /** The uid and gid of the worker and its candidates inside a user namespace started by root. */
    private static final String NOBODY = "65534";

    /** The size of each worker's private /tmp. */
    private static final long TMP_BYTES = 256L << 20;

    /** util-linux's setpriv, which sets no_new_privs: setuid programs a candidate might run gain nothing. */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    List<String> command(PythonRuntime python) {
        List<String> command = new ArrayList<>(prefix);
        if (Files.isExecutable(SETPRIV)) command.addAll(List.of(SETPRIV.toString(), "--no-new-privs"));
        command.addAll(List.of(python.executable().toString(), "-s", "-S", "-c", BOOTSTRAP));
        return command;
    }

    /**
     * Resource limits only. As root the worker drops candidates to an unprivileged uid (and refuses to run them
     * when that uid cannot read Python); as an ordinary user candidates keep that user's uid.
     */
    static WorkerCommand rlimitOnly(boolean root) {
        String prefix = System.getProperty("java.io.tmpdir") + File.separator + "workbench-sandbox-";
        return new WorkerCommand(Isolation.RLIMIT, List.of(), false, root, prefix);
    }

    /**
     * The bubblewrap variants to try, best first. As root: no user namespace, so the worker can still
     * switch candidates to an unprivileged uid (which makes {@code RLIMIT_NPROC} bite); then the
     * {@code --unshare-all} form, which also works for ordinary users (as root with uid 65534 inside).
     */
    static List<WorkerCommand> bubblewrapVariants(Path bwrap, PythonRuntime python, boolean root) {
        List<WorkerCommand> variants = new ArrayList<>();
        if (root) {
            List<String> args = new ArrayList<>(List.of(
                    bwrap.toString(),
                    "--unshare-ipc",
                    "--unshare-pid",
                    "--unshare-net",
                    "--unshare-uts",
                    "--unshare-cgroup-try",
                    "--cap-drop",
                    "ALL"));
            for (String capability : ROOT_CAPABILITIES) args.addAll(List.of("--cap-add", capability));
            args.addAll(commonArgs(python));
            variants.add(new WorkerCommand(Isolation.BWRAP, args, true, true, "/tmp/sandbox-"));
        }
        List<String> args = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all"));
        // as root, --unshare-all alone keeps uid 0 inside: a user namespace with an ordinary uid instead
        if (root) args.addAll(List.of("--unshare-user", "--uid", NOBODY, "--gid", NOBODY));
        args.addAll(commonArgs(python));
        variants.add(new WorkerCommand(Isolation.BWRAP, args, true, false, "/tmp/sandbox-"));
        return variants;
    }

    /** A read-only view of what Python needs, fresh /proc and /dev, a private size-limited /tmp. */
    private static List<String> commonArgs(PythonRuntime python) {
        List<String> args = new ArrayList<>(List.of("--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path path = Path.of(top);
            try {
                if (Files.isSymbolicLink(path)) {
                    args.addAll(
                            List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
                } else if (Files.isDirectory(path)) {
                    args.addAll(List.of("--ro-bind", top, top));
                }
            } catch (java.io.IOException e) {
                // unreadable link: leave it out of the sandbox
            }
        }
        for (String file : List.of("/etc/ld.so.cache", "/etc/localtime"))
            args.addAll(List.of("--ro-bind-try", file, file));
        for (Path root : python.roots()) {
            // bubblewrap copies the modes of the directories it creates (/root is 0700): open them for candidates
            List<Path> parents = new ArrayList<>();
            for (Path parent = root.getParent();
                    parent != null && parent.getParent() != null;
                    parent = parent.getParent()) {
                parents.add(0, parent);
            }
            for (Path parent : parents) args.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
            args.addAll(List.of("--ro-bind", root.toString(), root.toString()));
        }
        args.addAll(List.of(
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--size",
                Long.toString(TMP_BYTES),
                "--tmpfs",
                "/tmp",
                "--chdir",
                "/tmp"));
        return args;
    }

    /** The first executable {@code bwrap} on PATH. */
    static Optional<Path> findBubblewrap() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
