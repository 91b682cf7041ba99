package ablation.engine.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code train} command's progress: on a terminal one line rewritten in place (at most a few
 * times a second); otherwise (a log file, CI) a plain line every ten seconds and at the end.
 */
public final class TerminalProgress implements ProgressListener {
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastPrint;
    private int lastWidth;

    public TerminalProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 200_000_000L : 10_000_000_000L;
    }

    /** Progress on stderr, updating in place when the JVM has a console. */
    public static TerminalProgress stderr() {
        return new TerminalProgress(System.err, System.console() != null);
    }

    @Override
    public void onStep(Progress progress) {
        long now = System.nanoTime();
        boolean done = progress.step() == progress.steps();
        if (!done && lastPrint != 0 && now - lastPrint < intervalNanos) return;
        lastPrint = now;
        String line = String.format(
                Locale.ROOT,
                "step %d/%d  loss %.4f  %,.0f tokens/s  ETA %s",
                progress.step(),
                progress.steps(),
                progress.loss(),
                progress.tokensPerSecond(),
                format(progress.eta()));
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            if (done) out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void onCheckpoint(long step, Path directory) {
        if (!terminal) out.println("checkpoint " + directory);
    }

    static String format(Duration eta) {
        long seconds = eta.getSeconds();
        if (seconds >= 3600) return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
