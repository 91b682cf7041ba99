package ablation.app.gui.store;

import static ablation.app.gui.GuiTestSupport.settle;
import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.Section;
import ablation.app.gui.WorkbenchWindow;
import ablation.app.gui.runs.RunRow;
import ablation.app.gui.studies.FileStudyCatalog;
import ablation.experiments.executor.LocalExecutor;
import ablation.experiments.executor.StudyLayout;
import ablation.experiments.executor.WorkerCommand;
import ablation.storage.TrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Launching from the composer trains for real: a tiny study (1 layer, d_model 32, context 32, a
 * few thousand tokens of desk-pl, no evaluation, two seeds) runs in worker processes against a
 * temporary H2 store, and the runs view follows it to the end.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchTest {
    private static final String STUDY = """
            name: tiny-launch
            base:
              model: {layers: 1, d_model: 32, heads: 2, rotary_dim: 8, context: 32}
              tokenizer: {train: {vocab_size: 512, sample_mb: 0.1}, mask_tokens: 4}
              objective: {span: {max_spans: 2}}
              data: {sources: [{name: py, kind: desk-pl}], cache_dir: CACHE}
              train: {tokens: 4096, batch: 4, warmup: 2, checkpoint_every: 10, log_every: 1, device: cpu}
              eval: []
            seeds: [1, 2]
            """;

    @TempDir
    Path dir;

    private StoreServices store;
    private WorkbenchWindow window;
    private final List<String> statusLines = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        store = new StoreServices(
                TrackingStore.open(url),
                url,
                new StudyFiles(dir.resolve("studies")),
                new WorkerCommand(WorkerCommand.standard().mainClass(), List.of("-Xmx1g")),
                new LocalExecutor.Options(2, 2, 0, Duration.ofSeconds(30), Duration.ofMillis(300)));
        window = GuiTestSupport.window(store.services(
                new FileStudyCatalog(GuiTestSupport.SAMPLES, List.of()), new GuiTestSupport.FakeDialogs(dir), 1e10));
        window.start(Optional.empty(), Section.STUDIES);
        window.show(stage, s -> {});
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
        store.close();
    }

    @Test
    void launchedStudyTrainsToTheEndWithLiveLossCurves(FxRobot robot) throws Exception {
        Path file = dir.resolve("tiny-launch.yaml");
        Files.writeString(file, STUDY.replace("CACHE", dir.resolve("cache").toString()));
        robot.interact(() -> window.model().open(file));
        settle(window);
        Label status = robot.lookup("#status").queryAs(Label.class);
        robot.interact(() -> status.textProperty().addListener((obs, old, now) -> statusLines.add(now)));

        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil("the runs view", () -> window.model().sectionProperty().get() == Section.RUNS);
        assertTrue(
                statusLines.stream().anyMatch(l -> l.startsWith("Queued 2 runs of tiny-launch")),
                statusLines.toString());
        TableView<?> table = GuiTestSupport.await(robot, "#runs", TableView.class);
        try {
            waitUntil(
                    "both runs finished",
                    Duration.ofMinutes(4),
                    () -> table.getItems().size() == 2
                            && table.getItems().stream()
                                    .map(RunRow.class::cast)
                                    .allMatch(r -> r.status().equals("ended")
                                            || r.status().equals("finished")
                                            || r.status().equals("failed")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; runs: " + table.getItems() + "; status: " + statusLines, e);
        }
        List<RunRow> rows = table.getItems().stream().map(RunRow.class::cast).toList();
        for (RunRow row : rows) {
            Path log =
                    new StudyFiles(dir.resolve("studies")).layout("tiny-launch").workerLog(row.id());
            assertEquals(
                    "finished",
                    row.status(),
                    row + "\n" + (Files.isRegularFile(log) ? Files.readString(log) : "no log"));
        }
        assertTrue(
                statusLines.stream().anyMatch(l -> l.startsWith("tiny-launch: runs ")),
                "progress in the status bar: " + statusLines);
        waitUntil(
                "the study's end in the status bar",
                Duration.ofSeconds(30),
                () -> status.getText().startsWith("tiny-launch: 2 of 2 runs finished"));

        waitUntil(
                "the loss curves of both runs",
                () -> window.model().runs().curves().size() == 2);
        long steps = ((RunRow) table.getItems().get(0)).steps();
        assertEquals(4096 / (4 * 32), steps);
        assertTrue(
                window.model().runs().curves().stream().allMatch(c -> c.tokens().length == steps),
                () -> "one point per logged step: "
                        + window.model().runs().curves().stream()
                                .map(c -> c.arm() + " " + java.util.Arrays.toString(c.tokens()))
                                .toList());
        ChartViewer chart = GuiTestSupport.await(robot, "#loss-chart", ChartViewer.class);
        assertTrue(
                chart.isVisible() && chart.getChart().getXYPlot().getDataset().getItemCount(0) == steps,
                "the chart draws them");

        RunRow first = (RunRow) table.getItems().get(0);
        StudyLayout layout = new StudyFiles(dir.resolve("studies")).layout("tiny-launch");
        assertTrue(
                Files.isRegularFile(layout.workerLog(first.id())), "the worker wrote its log in the study's directory");
    }
}
