package ablation.engine.eval.sandbox;

import ablation.core.config.Check;
import ablation.core.config.ConfigException;
import java.util.Objects;

/**
 * Settings of a {@link Sandbox}; the limits apply to each candidate process.
 *
 * @param workers long-lived Python workers, each running one candidate at a time (1..64)
 * @param timeoutSeconds wall-clock limit per program; the CPU limit is one second more
 * @param memoryBytes address-space limit ({@code RLIMIT_AS})
 * @param fileSizeBytes largest file a candidate may write ({@code RLIMIT_FSIZE})
 * @param openFiles open file descriptors ({@code RLIMIT_NOFILE})
 * @param processes processes and threads of the candidate's uid ({@code RLIMIT_NPROC}); effective when
 *     candidates run under their own uid, see {@link Sandbox#unprivileged()}
 * @param cache reuse the result of an identical program instead of running it again
 * @param isolation requested isolation; {@link Isolation#AUTO} picks bubblewrap where it works
 * @param python the Python 3 command or path; {@code WORKBENCH_PYTHON} or {@code python3} by default
 * @param seed {@code PYTHONHASHSEED} of the workers and the seed of {@code random} in every candidate, so set
 *     iteration order and unseeded randomness repeat from run to run
 */
public record SandboxOptions(
        int workers,
        double timeoutSeconds,
        long memoryBytes,
        long fileSizeBytes,
        int openFiles,
        int processes,
        boolean cache,
        Isolation isolation,
        String python,
        long seed) {
    public static final int MAX_WORKERS = 64;

    public SandboxOptions {
        if (workers < 1 || workers > MAX_WORKERS)
            throw new ConfigException("workers", workers, "must be between 1 and " + MAX_WORKERS);
        Check.positive("timeout", timeoutSeconds);
        if (timeoutSeconds > 3600) throw new ConfigException("timeout", timeoutSeconds, "must be at most 3600 seconds");
        if (memoryBytes < 64L << 20) throw new ConfigException("memory", memoryBytes, "must be at least 64 MiB");
        Check.positive("file_size", fileSizeBytes);
        if (openFiles < 16) throw new ConfigException("open_files", openFiles, "must be at least 16");
        Check.positive("processes", processes);
        Objects.requireNonNull(isolation, "isolation");
        Check.present("python", python);
        if (seed < 0 || seed > 4294967295L) throw new ConfigException("seed", seed, "must be between 0 and 4294967295");
    }

    /** Conventional HumanEval settings: 3 s per program, 1 GiB, one worker per core, cache on. */
    public static SandboxOptions defaults() {
        String python = System.getenv("WORKBENCH_PYTHON");
        return new SandboxOptions(
                Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()),
                3.0,
                1L << 30,
                16L << 20,
                64,
                16,
                true,
                Isolation.AUTO,
                python == null || python.isBlank() ? "python3" : python,
                0);
    }

    public SandboxOptions withWorkers(int value) {
        return new SandboxOptions(
                value,
                timeoutSeconds,
                memoryBytes,
                fileSizeBytes,
                openFiles,
                processes,
                cache,
                isolation,
                python,
                seed);
    }

    public SandboxOptions withTimeout(double seconds) {
        return new SandboxOptions(
                workers, seconds, memoryBytes, fileSizeBytes, openFiles, processes, cache, isolation, python, seed);
    }

    public SandboxOptions withMemory(long bytes) {
        return new SandboxOptions(
                workers, timeoutSeconds, bytes, fileSizeBytes, openFiles, processes, cache, isolation, python, seed);
    }

    public SandboxOptions withCache(boolean value) {
        return new SandboxOptions(
                workers,
                timeoutSeconds,
                memoryBytes,
                fileSizeBytes,
                openFiles,
                processes,
                value,
                isolation,
                python,
                seed);
    }

    public SandboxOptions withIsolation(Isolation value) {
        return new SandboxOptions(
                workers, timeoutSeconds, memoryBytes, fileSizeBytes, openFiles, processes, cache, value, python, seed);
    }

    public SandboxOptions withPython(String value) {
        return new SandboxOptions(
                workers,
                timeoutSeconds,
                memoryBytes,
                fileSizeBytes,
                openFiles,
                processes,
                cache,
                isolation,
                value,
                seed);
    }
}
