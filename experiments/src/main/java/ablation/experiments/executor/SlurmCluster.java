package ablation.experiments.executor;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The Slurm commands the executor needs: {@code sbatch}, {@code squeue} and {@code scancel}. No
 * accounting ({@code sacct}) is assumed: a task is known while it is in the queue, and afterwards
 * the run's own record in the tracking store tells what happened.
 */
public final class SlurmCluster {
    /** A task of one of our arrays that Slurm still holds: pending, running or completing. */
    public record QueuedTask(SlurmTask task, String state, String reason) {
        public boolean pending() {
            return state.equals("PENDING");
        }
    }

    /** Whether {@code sbatch} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch"))) return true;
        }
        return false;
    }

    /** Submits a batch script; returns the job id (the array job id for an array). */
    public long submit(Path script) {
        String out = run(List.of("sbatch", "--parsable", script.toString())).trim();
        String id = out.lines()
                .reduce((first, last) -> last)
                .orElse("")
                .split(";")[0]
                .trim();
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new WorkbenchException("sbatch did not print a job id (got '" + out + "')");
        }
    }

    /** {@code squeue} did not answer: the controller is busy or restarting. */
    public static final class Unavailable extends WorkbenchException {
        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * The tasks of the given array jobs still in the queue, found by job name and user.
     *
     * @throws Unavailable when squeue fails
     */
    public List<QueuedTask> tasks(String jobName, Set<Long> arrayJobIds) {
        List<QueuedTask> tasks = new ArrayList<>();
        if (arrayJobIds.isEmpty()) return tasks;
        String out;
        try {
            out = run(List.of(
                    "squeue",
                    "--noheader",
                    "--array",
                    "--name=" + jobName,
                    "--user=" + System.getProperty("user.name"),
                    "--format=%F|%K|%T|%r"));
        } catch (WorkbenchException e) {
            throw new Unavailable(e.getMessage());
        }
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\|", -1);
            if (fields.length < 4 || !fields[0].matches("\\d+") || !fields[1].matches("\\d+")) continue;
            long arrayJobId = Long.parseLong(fields[0]);
            if (!arrayJobIds.contains(arrayJobId)) continue;
            tasks.add(new QueuedTask(new SlurmTask(arrayJobId, Integer.parseInt(fields[1])), fields[2], fields[3]));
        }
        return tasks;
    }

    /** Cancels jobs or tasks ({@code 1234} is a whole array, {@code 1234_5} one task). */
    public void cancel(Collection<String> ids) {
        if (ids.isEmpty()) return;
        List<String> command = new ArrayList<>(List.of("scancel"));
        command.addAll(ids);
        run(command);
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) throw new WorkbenchException(command.get(0) + " failed (exit " + exit + "): " + text.trim());
            return text;
        } catch (IOException e) {
            throw new WorkbenchException(
                    "cannot run " + command.get(0) + " (is Slurm installed here?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException(command.get(0) + " interrupted");
        }
    }
}
