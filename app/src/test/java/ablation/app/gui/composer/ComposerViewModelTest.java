package ablation.app.gui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.Background;
import ablation.app.gui.ManualScheduler;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The composer's preview debounce on a manual clock: no FX toolkit, no robot. */
class ComposerViewModelTest {
    private final ManualScheduler time = new ManualScheduler();
    private final Background background = new Background(Runnable::run, Runnable::run, e -> {
        throw new AssertionError(e);
    });
    private final ComposerViewModel model =
            new ComposerViewModel(background, time, Optional.empty(), 1e10, Duration.ofMillis(250));

    @Test
    void thePreviewIsRecomputedOnceTheEditsPause() {
        model.newStudy();
        time.advance(Duration.ofSeconds(1));
        assertTrue(model.previewCurrentProperty().get());
        assertEquals(0, background.pendingProperty().get());
        String before = model.summaryProperty().get();

        model.field("train.tokens").textProperty().set("400000");
        assertFalse(model.previewCurrentProperty().get(), "an edit makes the preview stale");
        assertEquals(1, background.pendingProperty().get(), "the window is not settled while the preview waits");
        time.advance(Duration.ofMillis(200));
        model.field("train.tokens").textProperty().set("4000000");
        time.advance(Duration.ofMillis(200));
        assertFalse(model.previewCurrentProperty().get(), "the second edit restarted the wait");

        time.advance(Duration.ofMillis(50));
        assertTrue(model.previewCurrentProperty().get(), "250 ms after the last edit");
        assertEquals(0, background.pendingProperty().get());
        assertTrue(
                model.summaryProperty().get().contains("1 run"),
                model.summaryProperty().get());
        assertFalse(before.equals(model.summaryProperty().get()), "ten times the tokens, ten times the FLOPs");
        assertEquals(0, time.scheduled(), "no timer left behind");
    }
}
