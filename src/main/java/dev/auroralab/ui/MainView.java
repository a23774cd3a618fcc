package dev.auroralab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioWriter;
import dev.auroralab.ui.topology.TopologyView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window's view: menus, the transport bar (play, step, speed, clock, seed), the volume banner, the topology
 * canvas, the charts, and on the right the inspector and the event log. It only observes the view model and calls
 * its command methods. Keys a presenter needs are handled in one scene-wide filter, so they work wherever the focus
 * is (except while typing in a text field).
 */
public final class MainView extends BorderPane {

    // node ids, for tests and CSS
    public static final String BANNER_ID = "volumeBanner";
    public static final String CLOCK_ID = "simClock";
    public static final String PLAY_ID = "playButton";
    public static final String STEP_ID = "stepButton";
    public static final String SPEED_ID = "speedSlider";
    public static final String SPEED_LABEL_ID = "speedLabel";
    public static final String EVENT_LOG_ID = "eventLog";
    public static final String INSPECTOR_ID = "inspector";
    public static final String STATUS_ID = "statusLine";
    public static final String SCENARIO_PICKER_ID = "scenarioPicker";
    public static final String SIDE_PANEL_ID = "sidePanel";

    private final SimulationViewModel vm;
    private final Stage stage;
    private final TopologyView topology;
    private final GlobalControls global;
    private final VBox centre;
    private final Node charts;
    private final TabPane bottomTabs = new TabPane();
    private final Tab ledgerTab = new Tab();
    private int ledgerRowsSeen;
    private int ledgerTitleRows = -1;
    private final Label banner = new Label();
    private final Label clock = new Label();
    private final Button play = new Button();
    private final Slider speed = new Slider(-2, 2, 0);
    private final Label speedLabel = new Label();
    private final Label status = new Label();
    private final ComboBox<String> picker = new ComboBox<>();
    private final InspectorPane inspector = new InspectorPane();
    private final ListView<AuroraEvent> log = new ListView<>();
    private final ComboBox<EventLinks.Family> logFilter = new ComboBox<>();
    private final Slider writes = new Slider(0, Math.log10(200_001), 3);
    private final Slider reads = new Slider(0, Math.log10(200_001), 3);
    private final Label writesLabel = new Label();
    private final Label readsLabel = new Label();
    private final VBox side = new VBox(8);
    private final SplitPane split;
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final java.util.List<Button> transportButtons = new java.util.ArrayList<>();
    private Consumer<Palette> paletteListeners = p -> { };
    private Consumer<Boolean> presenterListeners = on -> { };
    private Palette palette = Palette.LIGHT;
    private boolean presenter;
    private long lastInspectorNanos;
    private Path lastFolder;

    public MainView(SimulationViewModel vm, Stage stage, Node charts) {
        this.vm = vm;
        this.stage = stage;
        this.topology = new TopologyView(vm);
        this.global = new GlobalControls(vm);
        this.charts = charts;

        VBox top = new VBox(menuBar(), transportBar());
        setTop(top);

        banner.setId(BANNER_ID);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(6, 12, 6, 12));
        banner.getStyleClass().add("volume-banner");
        VBox.setMargin(banner, new Insets(6, 8, 2, 8));
        VBox.setMargin(global.alarm(), new Insets(2, 8, 2, 8));
        // a Global Database adds the alarm bar, the strip of regions and the region bar (the topology's title and the
        // region's actions); for a single region they are not shown and take no room
        centre = new VBox(banner, global.alarm(), global.strip(), global.regionBar(), topology);
        // the topology takes the height its page needs at this width; the charts grow into what is left
        VBox.setVgrow(topology, Priority.SOMETIMES);
        if (charts != null) {
            VBox.setVgrow(charts, Priority.ALWAYS);
            centre.getChildren().add(charts);
        }
        buildBottomTabs();
        buildSide();
        split = new SplitPane(centre, side);
        split.setDividerPositions(0.76);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);

        status.setId(STATUS_ID);
        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(4, 12, 4, 12));
        status.textProperty().bind(vm.statusProperty());
        setBottom(status);

        vm.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        vm.playingProperty().addListener((o, a, b) -> refreshPlay());
        vm.speedProperty().addListener((o, a, b) -> refreshSpeed());
        vm.effectiveSpeedProperty().addListener((o, a, b) -> refreshSpeed());
        vm.selectionProperty().addListener((o, a, b) -> refreshInspector());
        vm.scenarioNameProperty().addListener((o, a, b) -> refreshTitle());
        refreshPlay();
        refreshSpeed();
        refreshTitle();
        onSnapshot(vm.snapshot());
        refreshInspector();
    }

    public TopologyView topology() {
        return topology;
    }

    /** The Global Database's strip, region bar, alarm, menu and ledger. */
    public GlobalControls global() {
        return global;
    }

    /** Shows the RPO/RTO ledger's tab (a Global Database only; the screenshot command uses it). */
    public void showLedger() {
        if (bottomTabs.getParent() != null) {
            bottomTabs.getSelectionModel().select(ledgerTab);
        }
    }

    public Palette palette() {
        return palette;
    }

    /** Charts and anything else drawn on a canvas follow the theme through here. */
    public void onPaletteChange(Consumer<Palette> listener) {
        paletteListeners = paletteListeners.andThen(listener);
        listener.accept(palette);
    }

    /** The charts enlarge their type in presenter mode through here. */
    public void onPresenterChange(Consumer<Boolean> listener) {
        presenterListeners = presenterListeners.andThen(listener);
    }

    // =================================================================================================================
    // Building
    // =================================================================================================================

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem open = item("_Open scenario…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::openFile);
        MenuItem save = item("_Save scenario with my actions…",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveFile);
        Menu builtIns = new Menu("_Built-in scenarios");
        for (String name : BuiltInScenarios.NAMES) {
            builtIns.getItems().add(item(name, null, () -> openBuiltIn(name)));
        }
        MenuItem png = item("_Export view as PNG…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::exportPng);
        MenuItem quit = item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        file.getItems().addAll(open, save, builtIns, new SeparatorMenuItem(), png, new SeparatorMenuItem(), quit);

        Menu sim = new Menu("_Simulation");
        sim.getItems().addAll(
                item("Play / pause", new KeyCodeCombination(KeyCode.SPACE), vm::togglePlaying),
                item("Step one engine event", new KeyCodeCombination(KeyCode.RIGHT), vm::stepOneEvent),
                item("Step to the next logged event", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN),
                        vm::stepToNextNotableEvent),
                item("Faster", new KeyCodeCombination(KeyCode.PLUS), vm::faster),
                item("Slower", new KeyCodeCombination(KeyCode.MINUS), vm::slower),
                new SeparatorMenuItem(),
                item("_Restart the scenario", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                        vm::restart));

        Menu selection = new Menu("S_election");
        selection.getItems().addAll(
                item("Fail the selection", new KeyCodeCombination(KeyCode.F), () -> keyed(TopologyAction.Kind.FAIL)),
                item("Restore the selection", new KeyCodeCombination(KeyCode.R),
                        () -> keyed(TopologyAction.Kind.RESTORE)),
                item("Actions for the selection…", new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN),
                        this::showMenuForSelection),
                item("Select the next element", new KeyCodeCombination(KeyCode.CLOSE_BRACKET),
                        () -> topology.selectAdjacent(1)),
                item("Select the previous element", new KeyCodeCombination(KeyCode.OPEN_BRACKET),
                        () -> topology.selectAdjacent(-1)),
                item("Clear the selection", new KeyCodeCombination(KeyCode.ESCAPE), () -> vm.select(null)));

        Menu view = new Menu("_View");
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        darkItem.setOnAction(e -> setDark(darkItem.isSelected()));
        view.getItems().addAll(darkItem,
                item("Presenter mode (full screen, large type)", new KeyCodeCombination(KeyCode.F11),
                        this::togglePresenter));

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("What this model simplifies", null, this::showSimplifications),
                item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts));
        return new MenuBar(file, sim, selection, view, global.menu(), help);
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar transportBar() {
        play.setId(PLAY_ID);
        play.setOnAction(e -> vm.togglePlaying());
        play.setTooltip(new Tooltip("Play or pause the simulation (Space)"));
        play.setMinWidth(Control.USE_PREF_SIZE);

        Button step = new Button("Step", new FontIcon(MaterialDesignS.STEP_FORWARD));
        step.setId(STEP_ID);
        step.setOnAction(e -> vm.stepOneEvent());
        step.setTooltip(new Tooltip("Pause and fire one engine event: a boxcar landing, an ack, a timer (→).\n"
                + "Shift+→ runs to the next event in the log."));

        Button next = new Button("Next event", new FontIcon(MaterialDesignS.SKIP_NEXT));
        next.setOnAction(e -> vm.stepToNextNotableEvent());
        next.setTooltip(new Tooltip("Pause, then run until the next event in the log (Shift+→)"));

        Button restart = new Button("Restart", new FontIcon(MaterialDesignR.RESTART));
        restart.setOnAction(e -> vm.restart());
        restart.setTooltip(new Tooltip("Start this scenario again from t = 0 with its seed (Ctrl+R)"));

        speed.setId(SPEED_ID);
        speed.setPrefWidth(170);
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setShowTickMarks(true);
        speed.setTooltip(new Tooltip("Simulation speed, 1/100× to 100× (logarithmic). Keys: + faster, − slower"));
        speed.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(SpeedLadder.toSlider(vm.speed()) - b.doubleValue()) > 1e-6) {
                vm.setSpeed(SpeedLadder.fromSlider(b.doubleValue()));
            }
        });
        speedLabel.setId(SPEED_LABEL_ID);
        speedLabel.setMinWidth(70);

        picker.setId(SCENARIO_PICKER_ID);
        picker.getItems().setAll(BuiltInScenarios.NAMES);
        picker.setPromptText("Built-in scenario");
        picker.setTooltip(new Tooltip("Pick a built-in scenario; Ctrl+O opens a file"));
        picker.setOnAction(e -> {
            String name = picker.getValue();
            if (name != null) {
                openBuiltIn(name);
            }
        });

        Button open = new Button(null, new FontIcon(MaterialDesignF.FOLDER_OPEN));
        open.setTooltip(new Tooltip("Open a scenario file (Ctrl+O)"));
        open.setOnAction(e -> openFile());
        Button save = new Button(null, new FontIcon(MaterialDesignC.CONTENT_SAVE));
        save.setTooltip(new Tooltip("Save this scenario with the actions you took (Ctrl+S)"));
        save.setOnAction(e -> saveFile());
        Button theme = new Button(null, new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        theme.setTooltip(new Tooltip("Light or dark theme, canvas included (Ctrl+D)"));
        theme.setOnAction(e -> setDark(!darkItem.isSelected()));
        Button present = new Button(null, new FontIcon(MaterialDesignP.PROJECTOR_SCREEN));
        present.setTooltip(new Tooltip("Presenter mode: full screen, large type (F11)"));
        present.setOnAction(e -> togglePresenter());

        clock.setId(CLOCK_ID);
        clock.getStyleClass().addAll(Styles.TITLE_4, "sim-clock");
        clock.setTooltip(new Tooltip("Simulated time (minutes:seconds.milliseconds) and the run's seed: "
                + "the same scenario, seed and actions always give the same run"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        transportButtons.addAll(java.util.List.of(play, step, next, restart));
        clock.setMinWidth(Control.USE_PREF_SIZE);
        picker.setMinWidth(Control.USE_PREF_SIZE);
        return new ToolBar(play, step, next, restart, new Separator(Orientation.VERTICAL),
                new FontIcon(MaterialDesignS.SPEEDOMETER), speed, speedLabel, new Separator(Orientation.VERTICAL),
                picker, open, save, grow, clock, new Separator(Orientation.VERTICAL), theme, present);
    }

    private void buildSide() {
        side.setId(SIDE_PANEL_ID);
        side.setPadding(new Insets(8));
        side.setMinWidth(300);

        Label inspectorTitle = new Label("Inspector");
        inspectorTitle.getStyleClass().add(Styles.TITLE_4);
        inspector.setId(INSPECTOR_ID);

        Label logTitle = new Label("Event log");
        logTitle.getStyleClass().add(Styles.TITLE_4);
        // the title keeps its words; the filter beside it gives way when the panel is narrow
        logTitle.setMinWidth(Control.USE_PREF_SIZE);
        logFilter.getItems().setAll(EventLinks.Family.values());
        logFilter.setValue(EventLinks.Family.ALL);
        logFilter.setTooltip(new Tooltip("Show one family of events"));
        logFilter.setMinWidth(80);
        FilteredList<AuroraEvent> filtered = new FilteredList<>(vm.events());
        logFilter.valueProperty().addListener((o, a, f) -> filtered.setPredicate(f == null ? null : f::contains));
        log.setId(EVENT_LOG_ID);
        log.setItems(filtered);
        log.setCellFactory(lv -> new ListCell<>() {
            {
                // wrap long lines to the list's width instead of cutting them off
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(AuroraEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(e == null || empty ? null
                        : SimulationViewModel.clock(e.atMicros()) + "  " + e.detail());
                setTooltip(e == null || empty ? null : new Tooltip(e.type() + " at t = "
                        + SimulationViewModel.clock(e.atMicros()) + "\nClick to select what it concerns"));
            }
        });
        log.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                Selection s = EventLinks.subject(e);
                if (s != null) {
                    vm.select(s);
                }
            }
        });
        filtered.addListener((javafx.collections.ListChangeListener<AuroraEvent>) c -> {
            if (log.getSelectionModel().isEmpty() && !filtered.isEmpty()) {
                log.scrollTo(filtered.size() - 1);
            }
        });
        log.setPlaceholder(new Label("No events yet: break something"));
        HBox logHead = new HBox(8, logTitle, logFilter);
        logHead.setAlignment(Pos.CENTER_LEFT);

        Label workloadTitle = new Label("Workload");
        workloadTitle.getStyleClass().add(Styles.TITLE_4);
        configureWorkload(writes, writesLabel, "writes/s", true);
        configureWorkload(reads, readsLabel, "reads/s", false);
        VBox workload = new VBox(4, workloadTitle, new HBox(8, writes, writesLabel), new HBox(8, reads, readsLabel));

        VBox.setVgrow(inspector, Priority.ALWAYS);
        VBox.setVgrow(log, Priority.ALWAYS);
        side.getChildren().addAll(inspectorTitle, inspector, logHead, log, workload);
    }

    private void buildBottomTabs() {
        Tab chartsTab = new Tab("Charts");
        chartsTab.setClosable(false);
        ledgerTab.setClosable(false);
        ledgerTitle();
        ledgerTab.setContent(global.ledger());
        bottomTabs.getTabs().setAll(chartsTab, ledgerTab);
        bottomTabs.setId("bottomTabs");
        bottomTabs.getStyleClass().add("bottom-tabs");
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == ledgerTab) {
                ledgerRowsSeen = global.ledger().rows();
                ledgerTitle();
            }
        });
        VBox.setVgrow(bottomTabs, Priority.ALWAYS);
        // the strip and the region bar take about 170 px: the charts give some of theirs, so the topology keeps its
        // readable size at 1600x1000 (a VBox that is short of room shrinks every child toward its minimum)
        bottomTabs.setMinHeight(170);
        bottomTabs.setPrefHeight(200);
        bottomTabs.setMaxHeight(340);
    }

    /** "RPO/RTO ledger (2)", with "new" while it has rows the learner has not looked at. */
    private void ledgerTitle() {
        int rows = global.ledger().rows();
        boolean unseen = rows > ledgerRowsSeen && !ledgerTab.isSelected();
        if (ledgerTab.isSelected() || rows < ledgerRowsSeen) {
            ledgerRowsSeen = rows;
        }
        ledgerTitleRows = rows;
        ledgerTab.setText("RPO/RTO ledger (" + rows + (unseen ? ", new" : "") + ")");
    }

    /**
     * For a Global Database the charts share their place with the RPO/RTO ledger, as two tabs; a single-region
     * cluster keeps the charts alone, exactly as before.
     */
    private void arrangeBottom(boolean isGlobal) {
        if (charts == null || isGlobal == (bottomTabs.getParent() != null)) {
            return;
        }
        Tab chartsTab = bottomTabs.getTabs().get(0);
        if (isGlobal) {
            centre.getChildren().remove(charts);
            chartsTab.setContent(charts);
            centre.getChildren().add(bottomTabs);
            bottomTabs.getSelectionModel().select(chartsTab);
        } else {
            centre.getChildren().remove(bottomTabs);
            chartsTab.setContent(null);
            centre.getChildren().add(charts);
        }
    }

    private void configureWorkload(Slider s, Label label, String unit, boolean isWrites) {
        s.setPrefWidth(200);
        s.setTooltip(new Tooltip("Client " + unit + ", 0 to 200,000 (logarithmic); applied when you let go"));
        s.valueProperty().addListener((o, a, b) -> label.setText(String.format(Locale.ROOT, "%,.0f %s",
                fromWorkloadSlider(b.doubleValue()), unit)));
        s.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                applyWorkload(isWrites, fromWorkloadSlider(s.getValue()));
            }
        });
        s.setOnMouseReleased(e -> {
            if (!s.isValueChanging()) {
                applyWorkload(isWrites, fromWorkloadSlider(s.getValue()));
            }
        });
        s.setOnKeyReleased(e -> applyWorkload(isWrites, fromWorkloadSlider(s.getValue())));
    }

    private void applyWorkload(boolean isWrites, double value) {
        EngineSnapshot s = vm.snapshot();
        double current = isWrites ? s.writesPerSecond() : s.readsPerSecond();
        if (Math.abs(current - value) < 0.5) {
            return;
        }
        vm.act(isWrites ? new dev.auroralab.engine.command.Command.SetWorkload(value, null)
                : new dev.auroralab.engine.command.Command.SetWorkload(null, value));
    }

    /** Workload sliders sit on log10(1 + rate), rounded to a readable figure. */
    static double fromWorkloadSlider(double position) {
        double raw = Math.pow(10, position) - 1;
        if (raw < 10) {
            return Math.round(raw);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
        return Math.round(raw / magnitude) * magnitude;
    }

    // =================================================================================================================
    // Keys
    // =================================================================================================================

    /** Installs the presenter keys on the scene; call once the view is in its scene. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            boolean handled = true;
            switch (e.getCode()) {
                case SPACE -> vm.togglePlaying();
                case RIGHT -> {
                    if (e.isShiftDown()) {
                        vm.stepToNextNotableEvent();
                    } else {
                        vm.stepOneEvent();
                    }
                }
                case PLUS, ADD, EQUALS -> vm.faster();
                case MINUS, SUBTRACT -> vm.slower();
                case F -> keyed(TopologyAction.Kind.FAIL);
                case R -> keyed(TopologyAction.Kind.RESTORE);
                case F11 -> togglePresenter();
                case F1 -> showShortcuts();
                case G -> vm.selectAdjacentRegion(e.isShiftDown() ? -1 : 1);
                case CLOSE_BRACKET -> topology.selectAdjacent(1);
                case OPEN_BRACKET -> topology.selectAdjacent(-1);
                case ESCAPE -> {
                    if (presenter) {
                        togglePresenter();
                    } else {
                        vm.select(null);
                    }
                }
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    private void keyed(TopologyAction.Kind kind) {
        Selection sel = vm.selection();
        if (sel == null) {
            vm.select(null);
            flash("Select something first: click an instance, a copy, a storage node or an AZ"
                    + (global.isGlobal() ? ", or a region's card (G)" : ""));
            return;
        }
        TopologyAction a = TopologyActions.keyed(sel, vm.viewSnapshot(), kind);
        if (a == null) {
            flash("Nothing to " + (kind == TopologyAction.Kind.FAIL ? "fail" : "restore") + " on " + sel.describe()
                    + " right now");
            return;
        }
        vm.act(a.command());
    }

    /** Shift+F10: the selection's menu, on the region's card for a region, in the topology otherwise. */
    private void showMenuForSelection() {
        Selection sel = vm.selection();
        if (sel != null && sel.kind() == Selection.Kind.REGION) {
            global.strip().showMenuForSelection();
        } else {
            topology.showMenuForSelection();
        }
    }

    private void flash(String message) {
        vm.tell(message);
    }

    // =================================================================================================================
    // Reacting to the model
    // =================================================================================================================

    private void onSnapshot(EngineSnapshot s) {
        if (s == null) {
            return;
        }
        clock.setText("t = " + SimulationViewModel.clock(s.nowMicros()) + "   seed " + s.seed());
        var v = s.volume();
        String icon = switch (v.status()) {
            case WRITABLE -> "✓";
            case READ_ONLY -> "⚠";
            case UNAVAILABLE -> "✕";
        };
        // the engine's reason often names the failover already; say it once
        String failover = s.failoverInProgress() == null || v.reason().contains("failover")
                || v.reason().contains("switchover") ? ""
                : "   ·   failover: " + s.failoverInProgress().phase() + " (" + s.failoverInProgress().from() + " → "
                        + (s.failoverInProgress().to() == null ? "?" : s.failoverInProgress().to()) + ")";
        // in a Global Database the banner is about the region the writes go to, and says which one that is
        String where = s.isGlobal() ? s.writerRegion() + " · " : "";
        banner.setText(icon + " " + where + "Volume " + v.status().label().toUpperCase(Locale.ROOT) + " - " + v.reason()
                + failover);
        String tone = v.status() == VolumeStatus.WRITABLE ? Styles.SUCCESS
                : v.status() == VolumeStatus.READ_ONLY ? Styles.WARNING : Styles.DANGER;
        // only on a change: touching the style classes, even to put back the same one, re-styles the banner
        if (!banner.getStyleClass().contains(tone)) {
            banner.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            banner.getStyleClass().add(tone);
        }
        arrangeBottom(s.isGlobal());
        if (ledgerTitleRows != global.ledger().rows()) {
            ledgerTitle();
        }
        if (!writes.isValueChanging() && !writes.isFocused()) {
            writes.setValue(Math.log10(1 + s.writesPerSecond()));
        }
        if (!reads.isValueChanging() && !reads.isFocused()) {
            reads.setValue(Math.log10(1 + s.readsPerSecond()));
        }
        long t = System.nanoTime();
        // once a second while playing: a value that changes every frame is unreadable anyway
        if (side.getScene() != null && (t - lastInspectorNanos > 1_000_000_000L || !vm.isPlaying())) {
            refreshInspector();
        }
    }

    private void refreshInspector() {
        lastInspectorNanos = System.nanoTime();
        inspector.show(InspectorModel.fields(vm.selection(), vm.viewSnapshot()));
    }

    private void refreshPlay() {
        boolean p = vm.isPlaying();
        play.setText(p ? "Pause" : "Play");
        play.setGraphic(new FontIcon(p ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
    }

    private void refreshSpeed() {
        speed.setValue(SpeedLadder.toSlider(vm.speed()));
        double achieved = vm.effectiveSpeedProperty().get();
        boolean behind = vm.isPlaying() && achieved > 0 && achieved < 0.8 * vm.speed();
        // the engine gets a fixed share of each frame; say so when that share cannot keep up with the chosen speed
        speedLabel.setText(SpeedLadder.label(vm.speed()) + (behind ? " (" + SpeedLadder.label(achieved) + " reached)"
                : ""));
    }

    private void refreshTitle() {
        stage.setTitle("Aurora Lab - " + vm.scenarioNameProperty().get());
    }

    // =================================================================================================================
    // Files, themes, presenter mode, help
    // =================================================================================================================

    private void openBuiltIn(String name) {
        vm.openBuiltIn(name).ifPresent(this::showError);
    }

    private void openFile() {
        FileChooser fc = chooser("Open a scenario");
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            lastFolder = f.toPath().getParent();
            open(f.toPath());
        }
    }

    /** Opens a file; a bad one shows the reader's message in a dialog and leaves the run as it was. */
    public Optional<ScenarioError> open(Path file) {
        Optional<ScenarioError> err = vm.open(file);
        err.ifPresent(this::showError);
        return err;
    }

    private void showError(ScenarioError e) {
        Alert a = new Alert(Alert.AlertType.ERROR, null, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle("This scenario file has a problem");
        a.setHeaderText("The file was not loaded; the current run goes on untouched.");
        TextArea text = new TextArea(e.getMessage());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.setId("scenarioErrorText");
        a.getDialogPane().setContent(text);
        a.show();
    }

    private void saveFile() {
        FileChooser fc = chooser("Save the scenario with your actions");
        fc.setInitialFileName(slug(vm.scenario().name()) + "-mine.yaml");
        java.io.File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            ScenarioWriter.write(f.toPath(), vm.scenario(), vm.userCommands());
            flash("Saved " + f.getName() + ": " + vm.userCommands().size() + " action(s) of yours in its timeline");
        } catch (IOException ex) {
            saveFailed(f, ex.getMessage() + "\nNothing was written; pick another folder or name.");
        } catch (IllegalArgumentException ex) {
            // the run itself cannot be written as a scenario (checked before anything touches the disk)
            saveFailed(f, ex.getMessage() + "\nNothing was written. Your run goes on; you can still export a picture.");
        }
    }

    private void saveFailed(java.io.File f, String why) {
        Alert a = new Alert(Alert.AlertType.ERROR, "Could not save " + f.getName() + ": " + why, ButtonType.OK);
        a.initOwner(stage);
        a.show();
    }

    private void exportPng() {
        FileChooser fc = chooser("Export the view as PNG");
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName(slug(vm.scenario().name()) + "-" + vm.nowMicros() / 1_000_000 + "s.png");
        java.io.File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            PngExport.write(this, f.toPath());
            flash("Exported " + f.getName());
        } catch (IOException ex) {
            flash("Could not export: " + ex.getMessage());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Scenario (YAML or JSON)", "*.yaml", "*.yml",
                "*.json"));
        Path folder = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.dir"));
        if (folder.toFile().isDirectory()) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "scenario" : s;
    }

    public void setDark(boolean dark) {
        darkItem.setSelected(dark);
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        palette = dark ? Palette.DARK : Palette.LIGHT;
        topology.setPalette(palette);
        global.setPalette(palette);
        paletteListeners.accept(palette);
    }

    public void togglePresenter() {
        setPresenter(!presenter);
    }

    /** Full screen, larger type, side panel hidden: the topology and the charts fill a projector. */
    public void setPresenter(boolean on) {
        presenter = on;
        setStyle(on ? "-fx-font-size: 20px;" : "");
        if (on) {
            split.getItems().remove(side);
        } else if (!split.getItems().contains(side)) {
            split.getItems().add(side);
            split.setDividerPositions(0.76);
        }
        presenterListeners.accept(on);
        // at presenter size the labelled buttons would not fit: icons only (tooltips still name them and their key)
        for (Button b : transportButtons) {
            b.setContentDisplay(on ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
        stage.setFullScreenExitHint("Presenter mode: F11 or Esc to leave");
        stage.setFullScreen(on);
    }

    public boolean isPresenter() {
        return presenter;
    }

    private void showSimplifications() {
        String text;
        try (InputStream in = MainView.class.getResourceAsStream("model-simplifies.txt")) {
            text = in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(could not read: " + e.getMessage() + ")";
        }
        info("What this model simplifies", text, false);
    }

    private void showShortcuts() {
        info("Keyboard shortcuts", """
                Space        play / pause
                →            step one engine event (pauses)
                Shift+→      run to the next event in the log
                + / −        faster / slower (1/100× to 100×)
                Click        select; right-click: actions
                ] / [        select the next / previous element
                F / R        fail / restore the selection (a region too)
                G / Shift+G  Global Database: show the next / previous region
                Shift+F10    actions for the selection
                Esc          clear the selection (leave presenter mode)
                Ctrl+O / S   open / save a scenario
                Ctrl+R       restart the scenario
                Ctrl+E       export the view as PNG
                Ctrl+D       dark theme
                F11          presenter mode""", true);
    }

    private void info(String title, String text, boolean monospace) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(70);
        area.setPrefRowCount(18);
        if (monospace) {
            area.setStyle("-fx-font-family: monospace;");
        }
        a.getDialogPane().setContent(area);
        a.show();
    }
}
