package ablation.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.runs.RunRow;
import ablation.app.gui.runs.RunsSource;
import ablation.core.stats.LossBand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main view model without a window, a robot or the FX toolkit: work runs on the calling
 * thread, time passes when the test says so.
 */
class WorkbenchViewModelTest {
    private static final RunRow CANCELLED =
            new RunRow(7, "fim=0.5,seed=3", "cancelled", 0, 97, Double.NaN, null, Instant.EPOCH, null);

    /** Counts the reads of the runs; fails with {@link #failure} when one is set. */
    private static final class CountingRuns implements RunsSource {
        final AtomicInteger reads = new AtomicInteger();
        final List<String> retried = new java.util.ArrayList<>();
        Throwable failure;

        @Override
        public List<RunRow> runs(String study) {
            reads.incrementAndGet();
            if (failure instanceof Error e) throw e;
            return List.of(CANCELLED);
        }

        @Override
        public List<LossBand> loss(List<RunRow> runs, int maxPoints) {
            return List.of();
        }

        @Override
        public void cancel(RunRow run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String retry(String study, RunRow run) {
            retried.add(study + "/" + run.name());
            return "Handed " + run.name() + " back";
        }

        @Override
        public String log(String study, RunRow run) {
            return "";
        }
    }

    @TempDir
    Path dir;

    private final CountingRuns runs = new CountingRuns();
    private final ManualScheduler time = new ManualScheduler();
    private final List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final UnexpectedErrors errors = new UnexpectedErrors(Runnable::run);

    private WorkbenchViewModel model(GuiTestSupport.FakeDialogs dialogs) {
        GuiServices services = GuiTestSupport.services(
                dialogs, Optional.empty(), Optional.of(runs), Optional.empty(), Optional.empty());
        Background background = new Background(Runnable::run, Runnable::run, e -> {
            unexpected.add(e);
            errors.accept(e);
        });
        return new WorkbenchViewModel(services, WindowState.INITIAL, background, errors, time, Duration.ofMillis(250));
    }

    @Test
    void theRunsViewIsPolledOnlyWhileItIsShown() {
        WorkbenchViewModel model = model(new GuiTestSupport.FakeDialogs(dir));
        model.start(Optional.empty(), Section.RUNS);
        model.studyProperty().set("lesson2-infill");
        int afterOpening = runs.reads.get();
        assertTrue(afterOpening >= 1, "read when the study is chosen");
        time.advance(WorkbenchViewModel.RUNS_POLL);
        assertEquals(afterOpening + 1, runs.reads.get(), "one poll");
        time.advance(WorkbenchViewModel.RUNS_POLL.multipliedBy(2));
        assertEquals(afterOpening + 3, runs.reads.get(), "one poll per period");

        model.sectionProperty().set(Section.STUDIES);
        time.advance(WorkbenchViewModel.RUNS_POLL.multipliedBy(5));
        assertEquals(afterOpening + 3, runs.reads.get(), "no polls while another view is shown");
        model.close();
        assertEquals(0, time.scheduled(), "closing stops the poll");
    }

    @Test
    void anErrorInAServiceIsAlertedAndLeavesNothingPending() {
        GuiTestSupport.FakeDialogs dialogs = new GuiTestSupport.FakeDialogs(dir);
        WorkbenchViewModel model = model(dialogs);
        model.start(Optional.empty(), Section.RUNS);
        time.advance(Duration.ofSeconds(1)); // the new study's preview
        runs.failure = new OutOfMemoryError("Java heap space");
        model.studyProperty().set("lesson2-infill");
        assertEquals(0, model.background().pendingProperty().get(), "the busy indicator goes off");
        assertEquals(1, unexpected.size());
        assertEquals(1, dialogs.errors.size(), "one alert");
        assertTrue(dialogs.errors.get(0).contains("OutOfMemoryError: Java heap space"), dialogs.errors.get(0));
        assertEquals(dialogs.errors.get(0), model.statusProperty().get(), "and the status line says it");

        runs.failure = null;
        time.advance(WorkbenchViewModel.RUNS_POLL);
        assertEquals(List.of(CANCELLED), model.runs().rows().items(), "the next poll reads again: nothing is stuck");
    }

    @Test
    void aCancelledRunCanBeRetried() {
        WorkbenchViewModel model = model(new GuiTestSupport.FakeDialogs(dir));
        model.start(Optional.empty(), Section.RUNS);
        model.studyProperty().set("lesson2-infill");
        RunRow row = model.runs().rows().items().get(0);
        assertTrue(row.retryable(), "a cancelled run can be retried");
        model.runs().retry(row);
        assertEquals(List.of("lesson2-infill/fim=0.5,seed=3"), runs.retried);
        assertEquals("Handed fim=0.5,seed=3 back", model.statusProperty().get());
    }
}
