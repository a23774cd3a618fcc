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
    /** Room around a column's title: the header's padding and the sort arrow's place. */
    static final double HEADER_PADDING_PX = 28;

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
                column("Started", r -> dev.auroralab.run.ClockText.of(r.startedAtMicros()), 90, true,
                        "simulated time when it was triggered or asked for (m:ss.mmm)"),
                column("RTO", r -> LedgerText.secondsWithUnit(r.rtoMicros()), 80, true,
                        "from the start to the moment a new writer took writes"),
                column("Writes refused", r -> LedgerText.secondsWithUnit(r.writeDowntimeMicros()), 130, true,
                        "from when the writer endpoint stopped taking writes to when the new writer took them;"
                                + " longer than the RTO when the writer was lost before the failover began"),
                column("RPO", r -> LedgerText.secondsWithUnit(r.rpoMicros()), 80, true,
                        "age of the oldest acknowledged write that was lost (0 when none was)"),
                column("Acked writes lost", r -> LedgerText.writes(r.acknowledgedWritesLost()), 150, true,
                        "writes the application was told were committed and that the new writer does not have"),
                column("Lost writes are in", LedgerText::recoverySnapshot, 280, false,
                        "after a global failover, Aurora snapshots the old primary at the point of failure before"
                                + " rebuilding it: the lost writes are in that snapshot, to recover by hand")));
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

    /** The least width of a column whose title is {@code title} in {@code font}: the words and the header's room. */
    static double titleWidth(String title, javafx.scene.text.Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(font);
        return Math.max(60, Math.ceil(probe.getLayoutBounds().getWidth()) + HEADER_PADDING_PX);
    }

    private static TableColumn<FailoverRecord, String> column(String title, Function<FailoverRecord, String> value,
            double width, boolean number, String tip) {
        TableColumn<FailoverRecord, String> c = new TableColumn<>();
        Label head = new Label(title);
        head.setTooltip(new Tooltip(title + ": " + tip));
        c.setGraphic(head);
        c.setPrefWidth(width);
        // a header keeps its words: its column is never narrower than the title (the table scrolls sideways first)
        head.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        c.setMinWidth(titleWidth(title, head.getFont()));
        // the header's type follows the CSS (larger in presenter mode): so does the least width of its column
        head.fontProperty().addListener((o, a, f) -> c.setMinWidth(titleWidth(title, f)));
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
