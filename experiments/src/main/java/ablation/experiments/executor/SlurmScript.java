package ablation.experiments.executor;

import ablation.core.WorkbenchException;
import ablation.core.spec.SlurmOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The batch script of one job array: {@code tasks} tasks, each running a worker that claims the
 * next queued (else orphaned) run of the study. A worker that finds nothing left exits at once, so
 * an array may have more tasks than there are runs to claim.
 *
 * @param jobName  the job name ({@code squeue} shows it; the executor finds its tasks by it): the study's name
 * @param tasks    array size
 * @param logDir   where each task's output goes, as {@code <array job id>_<index>.log}
 * @param workDir  the directory the tasks start in (relative paths in run configs resolve against it)
 * @param command  the worker's command line ({@link WorkerCommand#claim})
 */
public record SlurmScript(
        String jobName, int tasks, SlurmOptions options, Path logDir, Path workDir, List<String> command) {
    public SlurmScript {
        if (tasks < 1) throw new IllegalArgumentException("a job array needs at least one task, got " + tasks);
        command = List.copyOf(command);
    }

    public String text() {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        script.append("# Written by the Ablation Workbench for study ")
                .append(jobName)
                .append(". Each task claims the\n")
                .append("# next queued (else orphaned) run of the study in the tracking store and trains it.\n");
        directive(script, "job-name", jobName);
        directive(
                script,
                "array",
                "0-" + (tasks - 1) + (options.maxParallel() == null ? "" : "%" + options.maxParallel()));
        directive(script, "output", quoted(logDir.toAbsolutePath().toString().replace("%", "%%") + "/%A_%a.log"));
        directive(script, "chdir", quoted(workDir.toAbsolutePath().toString()));
        directive(script, "ntasks", "1");
        directive(script, "cpus-per-task", Integer.toString(options.threads()));
        if (options.partition() != null) directive(script, "partition", options.partition());
        if (options.time() != null) directive(script, "time", options.time());
        if (options.gres() != null) directive(script, "gres", options.gres());
        if (options.mem() != null) directive(script, "mem", options.mem());
        script.append('\n');
        script.append(WorkerCommand.ENVIRONMENT.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "export ", "\n")));
        script.append("exec ")
                .append(command.stream().map(SlurmScript::shellWord).collect(Collectors.joining(" ")))
                .append('\n');
        return script.toString();
    }

    private static void directive(StringBuilder script, String name, String value) {
        script.append("#SBATCH --").append(name).append('=').append(value).append('\n');
    }

    /** A word for bash: as is when it holds only safe characters, else in single quotes. */
    static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * A path for an {@code #SBATCH} line, in double quotes when it has spaces. sbatch has no escape
     * for a double quote, so a path with one is refused.
     */
    private static String quoted(String path) {
        if (path.contains("\"") || path.contains("\n")) {
            throw new WorkbenchException("Slurm cannot take the path " + path
                    + ": it contains a double quote or a line break; use another --out");
        }
        return path.matches("\\S+") ? path : "\"" + path + "\"";
    }
}
