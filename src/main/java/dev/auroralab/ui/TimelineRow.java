package dev.auroralab.ui;

import dev.auroralab.ui.timeline.BranchList;
import dev.auroralab.ui.timeline.TimelineBar;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The row under the transport controls: the timeline bar (scrub, jump to a mark) and the branch list, wired to the
 * view model. Redrawn with every published snapshot; the branch list follows the run's branches.
 */
final class TimelineRow extends HBox {

    private final SimulationViewModel vm;
    private final TimelineBar bar;
    private final BranchList branches;

    TimelineRow(SimulationViewModel vm) {
        super(10);
        this.vm = vm;
        this.bar = new TimelineBar(vm::seek);
        this.branches = new BranchList(vm::switchTo);
        getStyleClass().add("timeline-row");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 8, 0, 8));
        HBox.setHgrow(bar, Priority.ALWAYS);
        getChildren().addAll(bar, branches);
        vm.snapshotProperty().addListener((o, a, s) -> refresh());
        vm.branches().addListener((ListChangeListener<Object>) c -> refresh());
        vm.branchProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        if (vm.snapshot() == null || vm.scenario() == null) {
            return;
        }
        bar.show(vm.branch(), vm.nowMicros(), vm.scenario().durationMicros());
        branches.show(vm.branches(), vm.branch());
    }

    void setPalette(Palette p) {
        bar.setPalette(p);
    }

    /**
     * Presenter mode gives every pixel to the picture: the row goes (as the transport bar and the status line do),
     * and the keys (←, Shift+←, Home, End) move through time. A bar there would cost the picture about a tenth of its
     * scale at 1280x720 in the busiest Global Database scenario.
     */
    void setPresenter(boolean on) {
        setVisible(!on);
        setManaged(!on);
    }

    TimelineBar bar() {
        return bar;
    }
}
