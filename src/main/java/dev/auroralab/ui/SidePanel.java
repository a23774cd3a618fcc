package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The panel on the right: the inspector (every engine field of the selection), the event log and the workload. It
 * can be hidden (Ctrl+1) to give its width to the picture; hidden, it still follows the run, so it shows the present
 * when it comes back.
 */
public final class SidePanel extends VBox {

    public static final String ID = "sidePanel";
    public static final String INSPECTOR_ID = "inspector";

    private final SimulationViewModel vm;
    private final InspectorPane inspector = new InspectorPane();
    private final EventLogView log;
    private final WorkloadControls workload;
    private long lastInspectorNanos;
    /** The distance-to-failure overlay, whose rows the inspector adds while it is on; null until followed. */
    private DistanceOverlay distance;

    public SidePanel(SimulationViewModel vm) {
        super(8);
        this.vm = vm;
        setId(ID);
        getStyleClass().add("side-panel");
        setPadding(new Insets(8));
        setMinWidth(280);
        Label inspectorTitle = new Label("Inspector");
        inspectorTitle.getStyleClass().add(Styles.TITLE_4);
        inspector.setId(INSPECTOR_ID);
        log = new EventLogView(vm);
        workload = new WorkloadControls(vm);
        VBox.setVgrow(inspector, Priority.ALWAYS);
        VBox.setVgrow(log, Priority.ALWAYS);
        getChildren().addAll(inspectorTitle, inspector, log, workload);

        vm.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        vm.selectionProperty().addListener((o, a, b) -> refreshInspector());
        if (vm.snapshot() != null) {
            workload.show(vm.snapshot());
        }
        refreshInspector();
    }

    private void onSnapshot(EngineSnapshot s) {
        if (s == null) {
            return;
        }
        workload.show(s);
        long t = System.nanoTime();
        // once a second while playing: a value that changes every frame is unreadable anyway; not at all while hidden
        if (getScene() != null && isVisible() && (t - lastInspectorNanos > 1_000_000_000L || !vm.isPlaying())) {
            refreshInspector();
        }
    }

    /** Shows the selection's fields now (also when the panel comes back). */
    public void refreshInspector() {
        lastInspectorNanos = System.nanoTime();
        inspector.show(InspectorModel.fields(vm.selection(), vm.viewSnapshot(),
                distance == null ? java.util.List.of() : distance.fields(vm.selection())));
    }

    /** Adds what failing the selection next would do, while the distance-to-failure overlay is on. */
    public void follow(DistanceOverlay overlay) {
        this.distance = overlay;
        overlay.shownProperty().addListener((o, a, b) -> refreshInspector());
        refreshInspector();
    }

    public InspectorPane inspector() {
        return inspector;
    }

    public EventLogView log() {
        return log;
    }

    public WorkloadControls workload() {
        return workload;
    }
}
