package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The RPO/RTO ledger: one row per completed failover, switchover or detach, with what it cost as the engine measured
 * it: the time to a new writer (RTO), how long writes were refused, how old the oldest lost acknowledged write was
 * (RPO), and how many acknowledged writes were lost.
 *
 * <p>A {@code TableView} here, unlike the inspector (decision 0009): its rows change only when a failover completes,
 * so {@link #update} compares the snapshot's list with what it shows and touches the table only then; most frames it
 * does two comparisons.
 */
public final class LedgerPane extends TableView<FailoverRecord> {

    public static final String ID = "rpoRtoLedger";

    private int shownCount = -1;
    private FailoverRecord shownLast;

    public LedgerPane() {
        setId(ID);
        getStyleClass().add("rpo-rto-ledger");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No failover yet. Each completed failover, switchover or detach adds a row here with"
                + " what it cost: time to a new writer, writes refused, writes lost.");
        empty.setWrapText(true);
        setPlaceholder(empty);
        getColumns().setAll(List.of(
                column("Kind", LedgerText::kind, 200, false,
                        "in-region failover, global switchover, global failover (allow data loss), detach and promote"),
                column("From → to", LedgerText::fromTo, 200, false,
                        "instances for an in-region failover, regions otherwise"),
                column("Started", r -> SimulationViewModel.clock(r.startedAtMicros()), 90, true,
                        "simulated time when it was triggered or asked for (m:ss.mmm)"),
                column("RTO (s)", r -> LedgerText.seconds(r.rtoMicros()), 80, true,
                        "from the start to the moment a new writer took writes"),
                column("Writes refused (s)", r -> LedgerText.seconds(r.writeDowntimeMicros()), 150, true,
                        "from when the writer endpoint stopped taking writes to when the new writer took them;"
                                + " longer than the RTO when the writer was lost before the failover began"),
                column("RPO (s)", r -> LedgerText.seconds(r.rpoMicros()), 80, true,
                        "age of the oldest acknowledged write that was lost (0 when none was)"),
                column("Acked writes lost", r -> Numbers.grouped(r.acknowledgedWritesLost()), 150, true,
                        "writes the application was told were committed and that the new writer does not have")));
    }

    /** Shows the snapshot's ledger; does nothing unless it gained (or, after a restart, lost) an entry. */
    public void update(EngineSnapshot s) {
        List<FailoverRecord> records = s == null ? List.of() : s.failovers();
        FailoverRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
        if (records.size() == shownCount && java.util.Objects.equals(last, shownLast)) {
            return;
        }
        shownCount = records.size();
        shownLast = last;
        getItems().setAll(records);
        if (!records.isEmpty()) {
            scrollTo(records.size() - 1);
        }
    }

    /** Rows now shown. */
    public int rows() {
        return getItems().size();
    }

    private static TableColumn<FailoverRecord, String> column(String title, Function<FailoverRecord, String> value,
            double width, boolean number, String tip) {
        TableColumn<FailoverRecord, String> c = new TableColumn<>();
        Label head = new Label(title);
        head.setTooltip(new Tooltip(title + ": " + tip));
        c.setGraphic(head);
        c.setPrefWidth(width);
        // a header keeps its words: the table scrolls sideways before it cuts "Acked writes lost"
        c.setMinWidth(Math.min(width, 150));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        if (number) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        } else {
            c.setStyle("-fx-alignment: " + Pos.CENTER_LEFT.name().replace('_', '-') + ";");
        }
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }
}
