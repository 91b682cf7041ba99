package ablation.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The questions the window asks the user: which file to open or save to, whether to drop unsaved
 * edits. An interface so tests answer them without native dialogs.
 */
public interface Dialogs {
    Optional<Path> chooseStudyToOpen(Window owner);

    /** @param suggestedName file name to propose ({@code lesson2-fim.yaml}) */
    Optional<Path> chooseStudyToSave(Window owner, String suggestedName);

    /** @return true to go on and lose the unsaved edits of {@code study} */
    boolean confirmDiscard(Window owner, String study);

    /** The directory to write the report of {@code study} into. */
    Optional<Path> chooseReportDirectory(Window owner, String study);

    /** Tells the user that something failed unexpectedly; returns at once (the alert stays up). */
    void showError(Window owner, String message);

    /** JavaFX file choosers and alerts, starting in the directory of the last file chosen. */
    static Dialogs standard(Path initialDirectory) {
        return new Dialogs() {
            private Path directory = initialDirectory;

            @Override
            public Optional<Path> chooseStudyToOpen(Window owner) {
                return remember(chooser("Open study").showOpenDialog(owner));
            }

            @Override
            public Optional<Path> chooseStudyToSave(Window owner, String suggestedName) {
                FileChooser chooser = chooser("Save study");
                chooser.setInitialFileName(suggestedName);
                return remember(chooser.showSaveDialog(owner));
            }

            @Override
            public boolean confirmDiscard(Window owner, String study) {
                Alert alert = new Alert(
                        Alert.AlertType.CONFIRMATION,
                        "The study " + study + " has unsaved changes. Discard them?",
                        ButtonType.CANCEL,
                        ButtonType.YES);
                alert.initOwner(owner);
                alert.setHeaderText(null);
                return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
            }

            @Override
            public Optional<Path> chooseReportDirectory(Window owner, String study) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Write the report of " + study + " into");
                if (directory != null && directory.toFile().isDirectory())
                    chooser.setInitialDirectory(directory.toFile());
                return remember(chooser.showDialog(owner));
            }

            /** The alert shown, if any: a burst of failures opens one alert, not one each. */
            private Alert error;

            @Override
            public void showError(Window owner, String message) {
                if (error != null && error.isShowing()) return;
                error = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
                error.initOwner(owner);
                error.setHeaderText("Something went wrong");
                error.show();
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter("Study files (YAML)", "*.yaml", "*.yml"));
                if (directory != null && directory.toFile().isDirectory())
                    chooser.setInitialDirectory(directory.toFile());
                return chooser;
            }

            private Optional<Path> remember(File chosen) {
                if (chosen == null) return Optional.empty();
                directory = chosen.isDirectory()
                        ? chosen.toPath().toAbsolutePath()
                        : chosen.toPath().toAbsolutePath().getParent();
                return Optional.of(chosen.toPath());
            }
        };
    }
}
