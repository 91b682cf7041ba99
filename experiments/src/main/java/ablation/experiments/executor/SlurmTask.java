package ablation.experiments.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One task of a Slurm job array, {@code <array job id>_<index>}. A worker that claims a run in a
 * task writes the task's id into the run directory ({@value #FILE}), so the executor can tell which
 * task trains which run: to stop the task when its run is cancelled, and to point at its log.
 */
public record SlurmTask(long arrayJobId, int index) {
    static final String FILE = "slurm-task";

    /** {@code 1234_5}: how squeue, scancel and the log file name spell the task. */
    public String id() {
        return arrayJobId + "_" + index;
    }

    /** The task this process runs in, when started by Slurm as part of an array. */
    public static Optional<SlurmTask> fromEnvironment(Map<String, String> env) {
        String job = env.get("SLURM_ARRAY_JOB_ID");
        String index = env.get("SLURM_ARRAY_TASK_ID");
        if (job == null || index == null) return Optional.empty();
        return Optional.of(new SlurmTask(Long.parseLong(job.trim()), Integer.parseInt(index.trim())));
    }

    /** The task recorded in a run directory by the worker that last claimed the run. */
    public static Optional<SlurmTask> recordedIn(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            String[] parts = Files.readString(file).trim().split("_");
            return Optional.of(new SlurmTask(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // being written, or damaged: the task is unknown
        }
    }

    public void recordIn(Path runDir) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(FILE), id() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the Slurm task in " + runDir, e);
        }
    }
}
