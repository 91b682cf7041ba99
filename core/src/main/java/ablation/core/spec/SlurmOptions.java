package ablation.core.spec;

import ablation.core.config.ConfigException;

/**
 * What each Slurm task of a study asks for: the study file's {@code slurm:} section, overridden by
 * the flags of {@code workbench study}. A null field leaves the cluster's default. Each task trains
 * one run with as many PyTorch threads as it has CPUs.
 *
 * @param partition   {@code --partition} (a name or a comma-separated list)
 * @param time        {@code --time} in Slurm's format: {@code minutes}, {@code h:mm:ss}, {@code d-hh[:mm[:ss]]}
 * @param gpus        GPUs per task, {@code N} or {@code TYPE:N} (becomes {@code --gres=gpu:...}); 0 asks for none
 * @param mem         {@code --mem} per task, e.g. {@code 16G}
 * @param cpus        {@code --cpus-per-task}, also the run's thread count; 1 when not given
 * @param maxParallel tasks of the study running at once ({@code --array=...%N}); no limit when null
 */
public record SlurmOptions(String partition, String time, String gpus, String mem, Integer cpus, Integer maxParallel) {
    public static final SlurmOptions NONE = new SlurmOptions(null, null, null, null, null, null);

    private static final String TIME = "\\d+(:\\d{1,2}){0,2}|\\d+-\\d+(:\\d{1,2}){0,2}|(?i:unlimited|infinite)";

    public SlurmOptions {
        check(
                "slurm.partition",
                partition,
                "[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*",
                "a partition name or a comma-separated list of them");
        check("slurm.time", time, TIME, "minutes, h:mm:ss or d-hh:mm:ss (Slurm's --time format)");
        check("slurm.gpus", gpus, "([A-Za-z0-9_.-]+:)?\\d+", "a GPU count, or TYPE:COUNT such as a100:2");
        check("slurm.mem", mem, "\\d+[KMGTkmgt]?", "a size such as 16G or 4000M");
        if (cpus != null && cpus < 1) throw new ConfigException("slurm.cpus", cpus, "must be at least 1");
        if (maxParallel != null && maxParallel < 1)
            throw new ConfigException("slurm.max_parallel", maxParallel, "must be at least 1");
    }

    /** These options with every field that {@code overrides} sets replaced. */
    public SlurmOptions overriddenBy(SlurmOptions overrides) {
        return new SlurmOptions(
                overrides.partition != null ? overrides.partition : partition,
                overrides.time != null ? overrides.time : time,
                overrides.gpus != null ? overrides.gpus : gpus,
                overrides.mem != null ? overrides.mem : mem,
                overrides.cpus != null ? overrides.cpus : cpus,
                overrides.maxParallel != null ? overrides.maxParallel : maxParallel);
    }

    /** PyTorch threads of each run: the task's CPUs. */
    public int threads() {
        return cpus == null ? 1 : cpus;
    }

    /** The {@code --gres} value, or null when no GPU is asked for. */
    public String gres() {
        if (gpus == null) return null;
        String count = gpus.substring(gpus.lastIndexOf(':') + 1);
        return Integer.parseInt(count) == 0 ? null : "gpu:" + gpus;
    }

    private static void check(String field, String value, String pattern, String expected) {
        if (value != null && !value.matches(pattern)) throw new ConfigException(field, value, "must be " + expected);
    }
}
