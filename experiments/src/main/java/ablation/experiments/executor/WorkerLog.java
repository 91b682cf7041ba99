package ablation.experiments.executor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker ended, read from what its launch appended to the run's {@code worker.log}: the
 * worker's own stop reason, else a JVM crash (signal, problematic native frame, crash log), an
 * out-of-memory error, the run's logged failure, or the last line.
 */
public final class WorkerLog {
    private static final int MAX_REASON = 400;
    private static final long MAX_READ = 1 << 20;
    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
    private static final Pattern FRAME = Pattern.compile("^#\\s+[CJjVv]\\s+\\[([^+\\]]+)\\+0x[0-9a-f]+\\]\\s*(.*)$");
    private static final Pattern FAILED = Pattern.compile("run \\S+ failed: (.*)$");

    private WorkerLog() {}

    /** The size of the log now: where the next launch's output will start. */
    public static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The reason found in the log from byte {@code from} on (at most its last megabyte). */
    public static String reason(Path log, long from) {
        List<String> lines = read(log, from);
        String stopped = null;
        String signal = null;
        String frame = null;
        String crashLog = null;
        String outOfMemory = null;
        String failed = null;
        String last = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            last = line;
            Matcher m;
            if (line.startsWith(WorkerExit.REASON_PREFIX)) {
                stopped = line.substring(WorkerExit.REASON_PREFIX.length());
            } else if ((m = SIGNAL.matcher(line)).find()) {
                signal = m.group(1);
            } else if (line.equals("# Problematic frame:")
                    && i + 1 < lines.size()
                    && (m = FRAME.matcher(lines.get(i + 1).strip())).find()) {
                frame = m.group(1)
                        + (m.group(2).isBlank() ? "" : " " + m.group(2).strip());
            } else if (line.startsWith("# An error report file with more information is saved as:")
                    && i + 1 < lines.size()) {
                crashLog = lines.get(i + 1).replaceFirst("^#\\s*", "").strip();
            } else if (line.contains("java.lang.OutOfMemoryError")) {
                outOfMemory = line.substring(line.indexOf("java.lang.OutOfMemoryError"));
            } else if ((m = FAILED.matcher(line)).find()) {
                failed = m.group(1);
            }
        }
        String reason;
        if (stopped != null) {
            reason = stopped;
        } else if (signal != null) {
            reason = "the JVM crashed with " + signal + (frame == null ? "" : " in " + frame)
                    + (crashLog == null ? "" : " (crash log " + crashLog + ")");
        } else if (outOfMemory != null) {
            reason = outOfMemory;
        } else if (failed != null) {
            reason = failed;
        } else {
            reason = last == null ? "no output" : "last output: " + last;
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    private static List<String> read(Path log, long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(from, file.length() - MAX_READ);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
