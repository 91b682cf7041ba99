package ablation.app.gui;

import java.time.Duration;

/**
 * Timers for the view models: a delay (the composer's debounce) and a period (the runs view's
 * poll). Injected so the view models own no JavaFX timers: the app uses {@link FxScheduler}, the
 * view-model tests a {@code ManualScheduler} whose time they advance themselves.
 */
public interface Scheduler {
    /** Runs {@code action} once after {@code delay}, on the UI thread. */
    Timer after(Duration delay, Runnable action);

    /** Runs {@code action} every {@code period}, on the UI thread, until cancelled. */
    Timer every(Duration period, Runnable action);

    /** A scheduled action; cancelling one that has run does nothing. */
    interface Timer {
        void cancel();
    }
}
