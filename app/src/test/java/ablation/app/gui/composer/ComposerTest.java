package ablation.app.gui.composer;

import static ablation.app.gui.GuiTestSupport.settle;
import static ablation.app.gui.GuiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.GuiTestSupport;
import ablation.app.gui.GuiTestSupport.FakeDialogs;
import ablation.app.gui.GuiTestSupport.RecordingLauncher;
import ablation.app.gui.Section;
import ablation.app.gui.WorkbenchWindow;
import ablation.core.config.ObjectiveKind;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.Axis;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The composer driven through the UI: robot clicks and typing, checked against SpecLoader and GridExpander. */
@ExtendWith(ApplicationExtension.class)
class ComposerTest {
    @TempDir
    Path dir;

    private FakeDialogs dialogs;
    private RecordingLauncher launcher;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        dialogs = new FakeDialogs(dir);
        launcher = new RecordingLauncher();
        window = GuiTestSupport.window(GuiTestSupport.services(
                dialogs, Optional.of(launcher), Optional.empty(), Optional.empty(), Optional.empty()));
        window.start(Optional.empty(), Section.STUDIES);
        stage.setWidth(1400);
        stage.setHeight(900);
        window.show(stage, s -> {});
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
    }

    @Test
    void composeATwoAxisAblationPreviewItAndSaveIt(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil("the composer", () -> window.model().sectionProperty().get() == Section.COMPOSER);
        replaceText(robot, "#study-name", "two-axis");

        robot.clickOn("#axis-kind").clickOn("Architecture");
        robot.clickOn("#axis-values").write("causal, prefix_lm", 0);
        robot.clickOn("#add-axis");
        robot.clickOn("#axis-kind").clickOn("FIM rate");
        robot.clickOn("#axis-values").write("0, 0.5", 0);
        robot.clickOn("#add-axis");
        replaceText(robot, "#seeds", "1, 2");
        settle(window);

        TableView<?> table = robot.lookup("#preview").queryAs(TableView.class);
        List<String> previewNames = window.model().composer().previewRows().stream()
                .map(PreviewRow::name)
                .toList();
        assertEquals(8, table.getItems().size(), "2 architectures x 2 FIM rates x 2 seeds: " + previewNames);
        assertTrue(previewNames.contains("arch=prefix_lm,fim=0.5,seed=2"), previewNames.toString());
        assertTrue(previewNames.contains("arch=causal,fim=0,seed=1"), previewNames.toString());
        assertTrue(
                robot.lookup("#preview-summary").queryAs(Label.class).getText().startsWith("8 runs"));

        robot.push(KeyCode.CONTROL, KeyCode.S);
        Path saved = dir.resolve("two-axis.yaml");
        waitUntil(
                "the saved file",
                () -> Files.exists(saved)
                        && !window.model().composer().dirtyProperty().get());
        AblationSpec spec = SpecLoader.load(saved);
        assertEquals("two-axis", spec.name());
        assertEquals(List.of(1L, 2L), spec.seeds());
        assertEquals(
                List.of("model.arch", "objective"),
                spec.ablations().get(0).axes().stream().map(Axis::path).toList());
        List<RunSpec> reloaded = GridExpander.expand(spec, false);
        assertEquals(
                previewNames, reloaded.stream().map(RunSpec::name).toList(), "the file expands to the previewed grid");
        RunSpec fimHalf = reloaded.stream()
                .filter(r -> r.name().equals("arch=causal,fim=0.5,seed=1"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.5, fimHalf.config().objective().fim());
        assertEquals(0.5, fimHalf.config().objective().clm(), "the FIM rate takes its share from causal LM");
        assertTrue(
                Files.readString(saved).contains("fim_rate") == false,
                "defaults are not written:\n" + Files.readString(saved));

        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil(
                "the launch",
                () -> !launcher.launched.isEmpty()
                        && window.model().sectionProperty().get() == Section.RUNS);
        assertEquals(saved.toAbsolutePath().normalize(), launcher.launched.get(0));
    }

    @Test
    void invalidInputShowsTheMessageAndDisablesLaunch(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        settle(window);
        Button launch = robot.lookup("#launch").queryButton();
        Label validation = robot.lookup("#validation").queryAs(Label.class);
        assertFalse(launch.isDisabled(), "the new study is valid");
        assertFalse(validation.isVisible());

        replaceText(robot, "#model-heads", "3");
        settle(window);
        assertTrue(validation.isVisible());
        assertTrue(
                validation.getText().contains("model.d_model = 256")
                        && validation.getText().contains("heads (3)"),
                validation.getText());
        assertTrue(launch.isDisabled());
        assertTrue(window.model().composer().previewRows().isEmpty()
                || !window.model().composer().previewCurrentProperty().get()
                || window.model().composer().errorProperty().get() != null);

        replaceText(robot, "#model-heads", "4");
        replaceText(robot, "#model-layers", "four");
        settle(window);
        assertTrue(
                validation.getText().contains("model.layers = 'four': must be a whole number"), validation.getText());
        assertTrue(launch.isDisabled());

        replaceText(robot, "#model-layers", "4");
        settle(window);
        assertFalse(validation.isVisible());
        assertFalse(launch.isDisabled());
    }

    @Test
    void objectiveSlidersKeepTheSumAtOne(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        settle(window);
        ComposerViewModel model = window.model().composer();

        robot.clickOn("#objective-fim");
        double fim = model.objective(ObjectiveKind.FIM).get();
        assertTrue(fim > 0.2 && fim < 0.8, "clicking the middle of the track moves the FIM weight there: " + fim);
        assertEquals(1 - fim, model.objective(ObjectiveKind.CLM).get(), 1e-9, "causal LM gives up what FIM takes");

        robot.push(KeyCode.RIGHT).push(KeyCode.RIGHT);
        assertEquals(fim + 0.1, model.objective(ObjectiveKind.FIM).get(), 1e-3);
        assertSumIsOne(model);

        double clm = model.objective(ObjectiveKind.CLM).get();
        double fimNow = model.objective(ObjectiveKind.FIM).get();
        robot.clickOn("#objective-span_corruption");
        double span = model.objective(ObjectiveKind.SPAN_CORRUPTION).get();
        assertTrue(span > 0.2 && span < 0.8, "span corruption moved: " + span);
        assertSumIsOne(model);
        assertEquals(
                clm / fimNow,
                model.objective(ObjectiveKind.CLM).get()
                        / model.objective(ObjectiveKind.FIM).get(),
                0.01,
                "the others keep their proportions");
        assertEquals(0, model.objective(ObjectiveKind.PREFIX_LM).get(), "prefix-LM stays off on a causal model");
        settle(window);
        assertEquals(null, model.errorProperty().get(), "the rescaled mix is a valid objective");
    }

    @Test
    void aTemplateOpensWithItsAxesRecognisedAndSavesUnderANewFile(FxRobot robot) throws Exception {
        waitUntil("the templates", () -> window.model().studies().templates().size() == 3);
        var template = window.model().studies().templates().stream()
                .filter(t -> t.name().equals("lesson2-infill"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> window.model().newFromTemplate(template));
        settle(window);
        ComposerViewModel model = window.model().composer();
        AblationDraft ablation = model.selectedAblationProperty().get();
        assertEquals(AxisKind.FIM_RATE, ablation.axes().get(0).kind());
        assertEquals("0, 0.5", ablation.axes().get(0).valuesProperty().get());
        List<String> expected =
                GridExpander.expand(SpecLoader.load(GuiTestSupport.SAMPLES.resolve("lesson2-infill.yaml")), false)
                        .stream()
                        .map(RunSpec::name)
                        .toList();
        assertEquals(
                expected, model.previewRows().stream().map(PreviewRow::name).toList());

        robot.clickOn(".axis-values").push(KeyCode.END).write(", 0.9", 0);
        settle(window);
        assertEquals(3, model.previewRows().size());
        robot.clickOn("#save");
        waitUntil("the save", () -> !model.dirtyProperty().get());
        assertEquals(List.of("lesson2-infill.yaml"), dialogs.saveRequests, "a template is never overwritten");
        AblationSpec saved = SpecLoader.load(dir.resolve("lesson2-infill.yaml"));
        assertEquals(2, saved.ablations().get(0).lesson());
        assertEquals(
                List.of("0", "0.5", "0.9"),
                saved.ablations().get(0).axes().get(0).labels());
        assertEquals(
                "english",
                GridExpander.expand(saved, false)
                        .get(0)
                        .config()
                        .data()
                        .sources()
                        .get(1)
                        .name(),
                "settings the form does not show survive");
    }

    private static void assertSumIsOne(ComposerViewModel model) {
        double sum = 0;
        for (ObjectiveKind kind : ObjectiveKind.values())
            sum += model.objective(kind).get();
        assertEquals(1.0, sum, 1e-9);
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text, 0);
    }
}
