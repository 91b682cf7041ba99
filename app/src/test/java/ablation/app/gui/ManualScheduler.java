package ablation.app.gui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link Scheduler} whose time passes only when a test calls {@link #advance}: no FX timers in view-model tests. */
public final class ManualScheduler implements Scheduler {
    private final List<Entry> entries = new ArrayList<>();
    private Duration now = Duration.ZERO;

    private final class Entry implements Timer {
        private Duration due;
        private final Duration period;
        private final Runnable action;

        private Entry(Duration due, Duration period, Runnable action) {
            this.due = due;
            this.period = period;
            this.action = action;
        }

        @Override
        public void cancel() {
            entries.remove(this);
        }
    }

    @Override
    public Timer after(Duration delay, Runnable action) {
        Entry entry = new Entry(now.plus(delay), null, action);
        entries.add(entry);
        return entry;
    }

    @Override
    public Timer every(Duration period, Runnable action) {
        Entry entry = new Entry(now.plus(period), period, action);
        entries.add(entry);
        return entry;
    }

    /** Lets {@code time} pass, running what falls due in order of its time. */
    public void advance(Duration time) {
        Duration until = now.plus(time);
        while (true) {
            Optional<Entry> next =
                    entries.stream().filter(e -> e.due.compareTo(until) <= 0).min(Comparator.comparing(e -> e.due));
            if (next.isEmpty()) break;
            Entry entry = next.get();
            now = entry.due;
            if (entry.period == null) entries.remove(entry);
            else entry.due = entry.due.plus(entry.period);
            entry.action.run();
        }
        now = until;
    }

    /** Timers scheduled and not cancelled (a one-shot timer that ran is gone). */
    public int scheduled() {
        return entries.size();
    }
}
