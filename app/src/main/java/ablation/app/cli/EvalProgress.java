package ablation.app.cli;

import ablation.engine.eval.model.Evaluator;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code workbench eval}'s progress on stderr: a bar of problems sampled, problems executed,
 * generation speed and the time left (from the sampling rate; execution overlaps it). On a terminal
 * one line rewritten in place a few times a second; otherwise a plain line every ten seconds.
 */
final class EvalProgress implements Evaluator.Progress {
    private static final int BAR = 24;
    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private int lastWidth;

    EvalProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 250_000_000L : 10_000_000_000L;
    }

    @Override
    public synchronized void update(int sampled, int executed, int problems, long tokens) {
        long now = System.nanoTime();
        boolean done = executed == problems;
        if (!done && now - lastPrinted < intervalNanos) return;
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        int filled = problems == 0 ? BAR : BAR * sampled / problems;
        String left = sampled == 0
                ? "?"
                : sampled < problems ? duration(Math.round(seconds / sampled * (problems - sampled))) : "executing";
        String line = String.format(
                Locale.ROOT,
                "eval [%s%s] %d/%d sampled, %d executed, %.0f tokens/s, ETA %s",
                "#".repeat(filled),
                "-".repeat(BAR - filled),
                sampled,
                problems,
                executed,
                tokens / Math.max(seconds, 1e-9),
                left);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the in-place line. */
    synchronized void finish() {
        if (terminal && lastWidth > 0) err.println();
        err.flush();
    }

    private static String duration(long seconds) {
        if (seconds >= 3600) return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
