package ablation.app.gui;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;

/** The {@link Scheduler} of the app: JavaFX animations, which run their actions on the FX thread. */
public final class FxScheduler implements Scheduler {
    @Override
    public Timer after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(fx(delay));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public Timer every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(fx(period), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }

    private static javafx.util.Duration fx(Duration duration) {
        return javafx.util.Duration.millis(duration.toMillis());
    }
}
