package ablation.app.gui.runs;

import ablation.app.gui.EmptyState;
import ablation.app.gui.FeedViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The runs of the current study: status, progress, last loss; refreshed while visible. */
public final class RunsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Parent root;

    public RunsView(FeedViewModel<RunRow> model) {
        TableView<RunRow> table = new TableView<>(model.items());
        table.setId("runs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Run", 280, RunRow::name));
        table.getColumns().add(column("Status", 90, RunRow::status));
        table.getColumns().add(column("Step", 130, RunRow::progress));
        table.getColumns().add(column("Loss", 80, r -> Double.isNaN(r.loss()) ? "" : String.format("%.4f", r.loss())));
        table.getColumns().add(column("Updated", 90, r -> r.updated() == null ? "" : TIME.format(r.updated())));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        root = EmptyState.view("Runs", "status, progress and loss of the study's runs", table,
                model.emptyMessageProperty(), refresh);
    }

    private static TableColumn<RunRow, String> column(String title, double width, Function<RunRow, String> value) {
        TableColumn<RunRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public Parent root() {
        return root;
    }
}
