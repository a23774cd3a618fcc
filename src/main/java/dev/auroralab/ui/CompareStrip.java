package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.Durations;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Two futures side by side, under the volume banner while comparing: one row per branch (the one the topology shows,
 * then the other), one column per thing that decides how a failure went — the writer, the volume's status, the
 * acknowledged writes lost, the write downtime so far, the failover under way and, for a Global Database, the region
 * the writes go to. A value that differs between the two is bold on both rows and marked "≠" on the other's (words
 * and weight, not colour alone). Both rows are at the same simulated time: the window moves them together.
 */
final class CompareStrip extends GridPane {

    static final String ID = "compareStrip";
    static final String DIFFERS = "compare-differs";

    /** One column: its heading and how a snapshot reads in it. */
    record Measure(String heading, Function<EngineSnapshot, String> value) {
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("Writer", s -> s.writerId() == null ? "none" : s.writerId()),
            new Measure("Volume", s -> s.volume().status().label()),
            new Measure("Acked writes lost", s -> String.format(java.util.Locale.ROOT, "%,d",
                    s.counters().acknowledgedWritesLost())),
            new Measure("Write downtime", s -> Durations.format(s.counters().writeDowntimeMicros())),
            new Measure("Failover", s -> s.failoverInProgress() == null ? "none under way"
                    : s.failoverInProgress().phase().label()));
    static final Measure WRITER_REGION = new Measure("Writes go to", EngineSnapshot::writerRegion);

    private final SimulationViewModel vm;

    CompareStrip(SimulationViewModel vm) {
        this.vm = vm;
        setId(ID);
        getStyleClass().add("compare-strip");
        setHgap(14);
        setVgap(2);
        setPadding(new Insets(4, 10, 4, 10));
        vm.comparison().snapshotProperty().addListener((o, a, b) -> refresh());
        vm.snapshotProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        EngineSnapshot other = vm.comparison().snapshot();
        EngineSnapshot shown = vm.snapshot();
        boolean on = other != null && shown != null;
        setVisible(on);
        setManaged(on);
        if (!on) {
            getChildren().clear();
            return;
        }
        List<Measure> measures = new java.util.ArrayList<>(MEASURES);
        if (shown.isGlobal() || other.isGlobal()) {
            measures.add(1, WRITER_REGION);
        }
        getChildren().clear();
        getColumnConstraints().clear();
        ColumnConstraints nameColumn = new ColumnConstraints();
        // the names give up width first (ellipsis, whole name in the tooltip); the values never do
        nameColumn.setHgrow(Priority.SOMETIMES);
        nameColumn.setMinWidth(120);
        nameColumn.setMaxWidth(320);
        getColumnConstraints().add(nameColumn);
        Label at = new Label("t = " + dev.auroralab.run.ClockText.of(shown.nowMicros()));
        at.getStyleClass().add("compare-heading");
        add(at, 0, 0);
        String[] names = withoutCommonPrefix(vm.comparison().shownName(), vm.comparison().name());
        Label a = name(names[0] + " (shown)");
        Label b = name(names[1]);
        add(a, 0, 1);
        add(b, 0, 2);
        int col = 1;
        for (Measure m : measures) {
            Label h = new Label(m.heading());
            h.getStyleClass().add("compare-heading");
            h.setMinWidth(Label.USE_PREF_SIZE);
            add(h, col, 0);
            String va = m.value().apply(shown);
            String vb = m.value().apply(other);
            boolean differs = !va.equals(vb);
            Label la = new Label(va);
            Label lb = new Label(differs ? "\u2260 " + vb : vb);
            if (differs) {
                la.getStyleClass().add(DIFFERS);
                lb.getStyleClass().add(DIFFERS);
                lb.setTooltip(new Tooltip(m.heading() + " differs: " + va + " here, " + vb + " there"));
            }
            la.setMinWidth(Label.USE_PREF_SIZE);
            lb.setMinWidth(Label.USE_PREF_SIZE);
            add(la, col, 1);
            add(lb, col, 2);
            col++;
        }
        Button stop = new Button("", new org.kordamp.ikonli.javafx.FontIcon(
                org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        stop.setOnAction(e -> vm.comparison().stop());
        stop.setTooltip(new Tooltip("Stop comparing (Ctrl+B)"));
        stop.setAccessibleText("Stop comparing");
        stop.setMinWidth(Button.USE_PREF_SIZE);
        add(stop, col, 1, 1, 2);
        GridPane.setHalignment(stop, HPos.RIGHT);
        GridPane.setHgrow(stop, Priority.ALWAYS);
    }

    /**
     * Two names without the part they share up to a " - " ("Global switchover - switchover at 0:20" and "Global
     * switchover - region lost ..." become "switchover at 0:20" and "region lost ..."): what tells them apart.
     */
    static String[] withoutCommonPrefix(String a, String b) {
        int cut = 0;
        for (int i = a.indexOf(" - "); i >= 0; i = a.indexOf(" - ", i + 1)) {
            if (b.startsWith(a.substring(0, i + 3))) {
                cut = i + 3;
            }
        }
        return new String[] {a.substring(cut), b.substring(cut)};
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compare-branch");
        l.setTooltip(new Tooltip(text));
        l.setMinWidth(60);
        return l;
    }
}
