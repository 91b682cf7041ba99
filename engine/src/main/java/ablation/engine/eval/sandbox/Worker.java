package ablation.engine.eval.sandbox;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived Python worker process running {@code harness.py}: it takes one program at a time and
 * answers with the verdict. Not thread-safe; the {@link Sandbox} hands each worker to one thread at a time.
 */
final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HARNESS = loadHarness();
    /** Margin over the harness's own timeout before Java decides the worker hangs and kills it. */
    private static final long GRACE_MS = 10_000;

    private static final long START_TIMEOUT_MS = 30_000;
    /** USER_HZ of /proc/PID/stat: 100 on every Linux architecture Java runs on. */
    private static final double CLOCK_TICKS = 100;

    /** The worker process failed (died, hung, answered nonsense); the sandbox replaces it. */
    static final class WorkerFailure extends Exception {
        WorkerFailure(String message) {
            super(message);
        }
    }

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader replies;
    private final SandboxOptions options;
    private final ScheduledExecutorService watchdog;
    private final Integer uid;
    private JsonNode readyInfo;

    private Worker(Process process, SandboxOptions options, ScheduledExecutorService watchdog, Integer uid) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.options = options;
        this.watchdog = watchdog;
        this.uid = uid;
    }

    /**
     * Starts a worker and waits until it is ready.
     *
     * @param uid the uid its candidates run under when it is root, or null to keep its own
     * @throws WorkerFailure when the process cannot start or does not become ready (e.g. bubblewrap refused)
     */
    static Worker start(
            WorkerCommand command,
            PythonRuntime python,
            SandboxOptions options,
            Integer uid,
            ScheduledExecutorService watchdog)
            throws WorkerFailure {
        ProcessBuilder builder = new ProcessBuilder(command.command(python));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment(options));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new WorkerFailure("cannot start " + builder.command().get(0) + ": " + e.getMessage());
        }
        StringBuilder stderr = new StringBuilder();
        Thread drain =
                new Thread(() -> logStderr(process.getErrorStream(), stderr), "sandbox-worker-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        Worker worker = new Worker(process, options, watchdog, command.dropUid() ? uid : null);
        try {
            worker.handshake(command);
            return worker;
        } catch (WorkerFailure e) {
            worker.close();
            try {
                drain.join(2000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (stderr) {
                throw new WorkerFailure(e.getMessage()
                        + (stderr.length() > 0 ? ": " + stderr.toString().strip() : ""));
            }
        }
    }

    /**
     * The whole environment of a worker: an allow-list, so no secret of this JVM (a store password, tokens)
     * ever reaches the process that runs candidates.
     */
    static Map<String, String> environment(SandboxOptions options) {
        return Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "PYTHONHASHSEED", Long.toString(options.seed()));
    }

    private void handshake(WorkerCommand command) throws WorkerFailure {
        ObjectNode settings = JSON.createObjectNode()
                .put("timeout", options.timeoutSeconds())
                .put("memory", options.memoryBytes())
                .put("file_size", options.fileSizeBytes())
                .put("open_files", options.openFiles())
                .put("processes", options.processes())
                .put("seed", options.seed())
                .put("namespace", command.namespace())
                .put("root", command.workRoot() + process.pid());
        if (uid == null) settings.putNull("uid");
        else settings.put("uid", uid);
        JsonNode ready = exchange(
                () -> {
                    requests.write((HARNESS.length + "\n").getBytes(StandardCharsets.US_ASCII));
                    requests.write(HARNESS);
                    requests.write((settings + "\n").getBytes(StandardCharsets.UTF_8));
                    requests.flush();
                },
                START_TIMEOUT_MS);
        if (!ready.path("ready").asBoolean()) {
            String error = ready.path("error").asText("");
            throw new WorkerFailure(error.isEmpty() ? "the sandbox worker did not start: " + ready : error);
        }
        readyInfo = ready;
    }

    /** Whether candidates of this worker run under their own unprivileged uid. */
    boolean unprivileged() {
        return !readyInfo.path("uid").isNull();
    }

    /** Whether the worker runs in its own PID namespace (every leftover process is killed after each program). */
    boolean namespaced() {
        return readyInfo.path("namespace").asBoolean();
    }

    /** Why this worker runs with less isolation than asked for, or empty. */
    String note() {
        return readyInfo.path("note").asText("");
    }

    ExecResult execute(String program) throws WorkerFailure {
        byte[] bytes = program.getBytes(StandardCharsets.UTF_8);
        long limitMs = (long) Math.ceil(options.timeoutSeconds() * 1000) + GRACE_MS;
        JsonNode reply = exchange(
                () -> {
                    requests.write((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
                    requests.write(bytes);
                    requests.flush();
                },
                limitMs);
        try {
            return new ExecResult(
                    Outcome.fromLabel(reply.path("outcome").asText()),
                    reply.path("error").asText(""),
                    reply.path("seconds").asDouble());
        } catch (IllegalArgumentException e) {
            throw new WorkerFailure("the sandbox worker answered " + reply);
        }
    }

    private interface Request {
        void send() throws IOException;
    }

    /** Sends a request and reads one JSON line; a watchdog kills the process if it hangs past {@code limitMs}. */
    private JsonNode exchange(Request request, long limitMs) throws WorkerFailure {
        ScheduledFuture<?> kill = watchdog.schedule(process::destroyForcibly, limitMs, TimeUnit.MILLISECONDS);
        try {
            request.send();
            String line = replies.readLine();
            if (line == null) {
                throw new WorkerFailure(
                        kill.isDone() ? "the sandbox worker hung and was killed" : "the sandbox worker died");
            }
            return JSON.readTree(line);
        } catch (IOException | UncheckedIOException e) {
            throw new WorkerFailure("the sandbox worker failed: " + e.getMessage());
        } finally {
            kill.cancel(false);
        }
    }

    /** Closes stdin so the harness sweeps and exits; kills it if it does not. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * CPU seconds used so far by this worker's process tree (bubblewrap, the harness, and through the
     * harness's {@code cutime} every candidate it has reaped), from {@code /proc/PID/stat}.
     */
    double cpuSeconds() {
        double ticks = 0;
        for (ProcessHandle handle : Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                for (int field = 11; field <= 14; field++)
                    ticks += Long.parseLong(fields[field]); // utime stime cutime cstime
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return ticks / CLOCK_TICKS;
    }

    private static void logStderr(InputStream stream, StringBuilder keep) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (keep) {
                    if (keep.length() < 2000) keep.append(line).append('\n');
                }
                LOG.debug("sandbox worker: {}", line);
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }

    private static byte[] loadHarness() {
        try (InputStream in = Worker.class.getResourceAsStream("harness.py")) {
            if (in == null) throw new WorkbenchException("harness.py is missing from the engine jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
