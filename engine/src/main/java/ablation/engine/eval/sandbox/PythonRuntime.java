package ablation.engine.eval.sandbox;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Python 3 interpreter that runs candidates, resolved once: the real executable behind a launcher
 * shim (a pyenv shim adds ~55 ms per start) and the directories it needs to see inside bubblewrap.
 *
 * @param executable the interpreter itself, symlinks resolved
 * @param version e.g. {@code 3.11.7}
 * @param roots directories outside /usr that hold the interpreter and its standard library
 */
public record PythonRuntime(Path executable, String version, List<Path> roots) {
    private static final String DESCRIBE = "import os, sys\n"
            + "print(os.path.realpath(sys.executable))\n"
            + "print(sys.version.split()[0])\n"
            + "print('%d.%d' % sys.version_info[:2])\n"
            + "print(os.path.realpath(sys.prefix))\n"
            + "print(os.path.realpath(sys.base_prefix))\n";

    public PythonRuntime {
        roots = List.copyOf(roots);
    }

    /** Runs {@code command} once to describe itself; a missing or too old Python is a {@link WorkbenchException}. */
    public static PythonRuntime locate(String command) {
        List<String> lines = new ArrayList<>();
        int exit;
        try {
            Process process = new ProcessBuilder(command, "-s", "-S", "-c", DESCRIBE)
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw missing(command, "it did not answer within 30 s");
            }
            exit = process.exitValue();
            output.lines().forEach(lines::add);
        } catch (IOException e) {
            throw missing(command, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while looking for " + command, e);
        }
        if (exit != 0 || lines.size() < 5)
            throw missing(command, "it exited with " + exit + ": " + String.join(" ", lines));
        String[] major = lines.get(2).split("\\.");
        if (!major[0].equals("3") || Integer.parseInt(major[1]) < 9) {
            throw new WorkbenchException("the sandbox needs Python 3.9 or newer; " + command + " is " + lines.get(1)
                    + " (install python3 or set WORKBENCH_PYTHON)");
        }
        Path executable = Path.of(lines.get(0));
        List<Path> wanted = List.of(Path.of(lines.get(3)), Path.of(lines.get(4)), executable.getParent());
        Set<Path> roots = new LinkedHashSet<>();
        for (Path root : wanted) {
            boolean covered = root.startsWith("/usr") || roots.stream().anyMatch(root::startsWith);
            if (!covered) roots.add(root);
        }
        return new PythonRuntime(executable, lines.get(1), new ArrayList<>(roots));
    }

    private static WorkbenchException missing(String command, String why) {
        return new WorkbenchException("cannot run '" + command + "' (" + why + "): executing candidate programs needs "
                + "Python 3; install it (e.g. apt-get install python3) or set WORKBENCH_PYTHON to its path");
    }
}
