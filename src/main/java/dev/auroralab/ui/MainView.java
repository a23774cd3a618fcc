package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.topology.TopologyView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's view: it builds the parts and wires them to the view model. The menus and the transport bar
 * (play, step, speed, the scenario, the clock and seed) on top; the volume banner, the scenario's notes, the Global
 * Database's strip and the topology with the charts under it in the middle ({@link PanelLayout} shares the room); the
 * side panel on the right; the status line at the bottom. It only observes the view model and calls its command
 * methods. Keys a presenter needs are handled in one scene-wide filter, so they work wherever the focus is (except
 * while typing in a text field).
 */
public final class MainView extends BorderPane {

    // node ids, for tests and CSS
    public static final String BANNER_ID = VolumeBanner.ID;
    public static final String CLOCK_ID = "simClock";
    public static final String PRESENTER_CLOCK_ID = "presenterClock";
    public static final String PLAY_ID = "playButton";
    public static final String STEP_ID = "stepButton";
    public static final String SPEED_ID = "speedSlider";
    public static final String SPEED_LABEL_ID = "speedLabel";
    public static final String EVENT_LOG_ID = EventLogView.LIST_ID;
    public static final String INSPECTOR_ID = SidePanel.INSPECTOR_ID;
    public static final String STATUS_ID = "statusLine";
    public static final String SCENARIO_PICKER_ID = "scenarioPicker";
    public static final String SIDE_PANEL_ID = SidePanel.ID;
    public static final String PRESENTER_STYLE = "presenter";

    private final SimulationViewModel vm;
    private final Stage stage;
    private final TopologyView topology;
    private final GlobalControls global;
    private final BottomTabs bottom;
    private final VolumeBanner banner = new VolumeBanner();
    private final ScenarioNotes notes = new ScenarioNotes();
    /** The clock and seed beside the banner in presenter mode, where the transport bar gives its row to the picture. */
    private final Label presenterClock = new Label();
    private final Label status = new Label();
    private final SidePanel side;
    private final TransportControls controls;
    private final TransportBar transport;
    private final TimelineRow timeline;
    private final CompareStrip compare;
    private final dev.auroralab.ui.lesson.LessonModel lessons;
    private final dev.auroralab.ui.lesson.LessonPanel lessonPanel;
    private final dev.auroralab.ui.practice.PracticeModel practice;
    private final HelpDialogs help;
    private final WhyPopOver why;
    private final dev.auroralab.ui.predict.PredictBand predict;
    private final PanelLayout panels;
    private final MenuBar menuBar;
    private final Dialogs dialogs;
    private final FileActions files;
    private final javafx.scene.control.ToggleGroup themeGroup = new javafx.scene.control.ToggleGroup();
    private final java.util.Map<Theme, javafx.scene.control.RadioMenuItem> themeItems =
            new java.util.EnumMap<>(Theme.class);
    private Theme theme = Theme.LIGHT;
    private final CheckMenuItem sideItem = new CheckMenuItem("Side panel: inspector, event log, workload");
    private final CheckMenuItem chartsItem = new CheckMenuItem("Charts (off: one line of headline numbers)");
    private final CheckMenuItem notesItem = new CheckMenuItem("Scenario notes");
    private Consumer<Palette> paletteListeners = p -> { };
    private Consumer<Boolean> presenterListeners = on -> { };
    private Palette palette = Palette.LIGHT;
    private boolean presenter;
    private boolean presenterFullScreen;
    /** Whether the side panel showed before a lesson took its place. */
    private boolean sideBeforeLesson = true;
    private PanelLayout.State beforePresenter;
    /** Esc or the system left full screen: presenter mode ends with it. Held here, added weakly to the stage. */
    private final javafx.beans.value.ChangeListener<Boolean> leftFullScreen = (o, a, full) -> {
        if (!full && presenter && presenterFullScreen) {
            setPresenter(false);
        }
    };

    /**
     * @param charts the charts under the topology (may be null: no charts)
     * @param headline the one-line strip of headline numbers shown in the charts' place when they are collapsed
     *     (may be null)
     */
    public MainView(SimulationViewModel vm, Stage stage, Node charts, Node headline) {
        this.vm = vm;
        this.stage = stage;
        this.topology = new TopologyView(vm);
        this.global = new GlobalControls(vm);
        global.strip().follow(topology.distance());
        this.side = new SidePanel(vm);
        side.follow(topology.distance());
        this.dialogs = new Dialogs(stage, vm, () -> theme);
        this.files = new FileActions(vm, stage, dialogs, this);
        this.help = new HelpDialogs(dialogs);
        this.lessons = new dev.auroralab.ui.lesson.LessonModel(vm);
        this.lessonPanel = new dev.auroralab.ui.lesson.LessonPanel(lessons);
        this.practice = new dev.auroralab.ui.practice.PracticeModel(vm);
        this.why = new WhyPopOver(vm);
        why.attach(banner, topology, global.strip(), global.ledger());
        why.attach(side.inspector());
        this.predict = new dev.auroralab.ui.predict.PredictBand(
                new dev.auroralab.ui.predict.PredictModel(vm, lessons, practice::records));
        predict.model().waitWhilePractising(
                practice.modeProperty().isNotEqualTo(dev.auroralab.ui.practice.PracticeModel.Mode.CLOSED));
        VBox.setMargin(predict, new Insets(2, 8, 2, 8));

        menuBar = menuBar();
        controls = new TransportControls(vm, new TransportControls.Actions(files::openFile, files::saveFile,
                files::openBuiltIn, this::toggleSide, this::toggleCharts,
                () -> setTheme(theme.next()), this::togglePresenter), topology.distance().shownProperty());
        transport = controls.bar();
        timeline = new TimelineRow(vm);
        compare = new CompareStrip(vm);
        VBox.setMargin(compare, new Insets(2, 8, 2, 8));
        setTop(new VBox(menuBar, transport));

        presenterClock.setId(PRESENTER_CLOCK_ID);
        presenterClock.getStyleClass().addAll(Styles.TITLE_4, "sim-clock", "presenter-clock");
        presenterClock.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        presenterClock.setTooltip(new Tooltip("Simulated time and seed. Presenter mode: Space plays or pauses, → steps,"
                + " ← steps back, Shift+← goes to the previous mark, + and − change the speed, F11 or Esc leaves"));
        presenterClock.setVisible(false);
        presenterClock.setManaged(false);
        javafx.scene.layout.HBox bannerRow = new javafx.scene.layout.HBox(8, banner, banner.phase(), presenterClock);
        bannerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(banner, javafx.scene.layout.Priority.ALWAYS);
        VBox.setMargin(bannerRow, new Insets(6, 8, 2, 8));
        VBox.setMargin(notes, new Insets(2, 8, 2, 8));
        VBox.setMargin(global.alarm(), new Insets(2, 8, 2, 8));
        // a Global Database adds the alarm bar, the strip of regions and the region bar (the topology's title and the
        // region's actions); for a single region they are not shown and take no room
        panels = new PanelLayout(List.of(bannerRow, predict, compare, notes, global.alarm(), global.strip(),
                global.regionBar()), notes,
                topology, charts, headline, side);
        bottom = new BottomTabs(charts, global.ledger(), panels);
        notes.setOnClose(() -> panels.setNotesShown(false));
        // the scenario's notes often say what happens next: they step aside while a prediction waits for its answer
        predict.model().promptProperty().addListener((o, was, p) -> {
            notes.setVisible(p == null && panels.isNotesShown());
            notes.setManaged(notes.isVisible());
        });
        if (headline != null) {
            // the strip stands for the charts: a click brings them back
            headline.setOnMouseClicked(e -> panels.chooseCharts(true));
            headline.setCursor(javafx.scene.Cursor.HAND);
        }
        setCenter(panels.root());
        // a lesson's caption is a column right of the picture, in the side panel's place while the lesson is open
        BorderPane.setMargin(lessonPanel, new Insets(4, 6, 4, 2));
        setRight(lessonPanel);
        widthProperty().addListener((o, a, b) -> {
            lessonPanel.fitToWindow(b.doubleValue());
            ColumnFit.markRoomy(predict, b.doubleValue());
        });
        panels.sideShownProperty().addListener((o, a, b) -> {
            sideItem.setSelected(b);
            if (b) {
                side.refreshInspector();
            }
        });
        panels.chartsShownProperty().addListener((o, a, b) -> chartsItem.setSelected(b));
        panels.notesShownProperty().addListener((o, a, b) -> notesItem.setSelected(b));

        status.setId(STATUS_ID);
        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(4, 12, 4, 12));
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.statusProperty());
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        // the timeline shares the bottom row with the status line: a row of its own would cost the
        // busiest Global Database scenario its fit at 1280x720 (decision 0018)
        status.setMinWidth(0);
        status.setPrefWidth(0);
        timeline.setPrefWidth(0);
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(timeline, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bottomRow = new javafx.scene.layout.HBox(4, timeline, status);
        bottomRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottomRow.getStyleClass().add("bottom-row");
        // the status line gets at most two fifths: the timeline and the branch list need the room more
        status.maxWidthProperty().bind(bottomRow.widthProperty().multiply(0.4));
        setBottom(bottomRow);

        vm.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        vm.loadsProperty().addListener((o, a, b) -> onScenarioOpened());
        // a lesson's caption stands for the scenario's notes, and its step spotlights the picture
        lessons.playerProperty().addListener((o, a, b) -> {
            if (b != null) {
                practice.close(); // first: it gives back the side panel the lesson then takes
            }
            panels.setNotesShown(b == null);
            if (a == null && b != null) {
                sideBeforeLesson = panels.isSideShown();
                panels.setSideShown(false);
            } else if (a != null && b == null && !presenter) {
                panels.setSideShown(sideBeforeLesson);
            }
        });
        lessons.spotlightProperty().addListener((o, a, b) -> topology.setSpotlight(b));
        dev.auroralab.ui.practice.PracticeColumn.attach(this, vm, practice,
                new dev.auroralab.ui.practice.PracticePanel(practice), lessonPanel);
        lessons.setMythOpener(id -> new MythCardsDialog(stage, vm, files, notes, theme).show(id));
        // weakly: the stage outlives a view built again on it (the screenshot command, tests), and a strong listener
        // kept every old view, its run and the run's keyframes alive
        stage.fullScreenProperty().addListener(new javafx.beans.value.WeakChangeListener<>(leftFullScreen));
        onScenarioOpened();
        onSnapshot(vm.snapshot());
    }

    public TopologyView topology() {
        return topology;
    }

    /** The lesson open in the window, if any (Lessons menu, {@code --lesson}). */
    public dev.auroralab.ui.lesson.LessonModel lessons() {
        return lessons;
    }

    /** Exam practice and timed sets (Practice menu), and the learner's study record. */
    public dev.auroralab.ui.practice.PracticeModel practice() {
        return practice;
    }

    /** Predict-then-observe's band (its model: {@code predict().model()}). */
    public dev.auroralab.ui.predict.PredictBand predict() {
        return predict;
    }

    /** The Global Database's strip, region bar, alarm, menu and ledger. */
    public GlobalControls global() {
        return global;
    }

    public PanelLayout panels() {
        return panels;
    }

    public SidePanel side() {
        return side;
    }

    public ScenarioNotes notes() {
        return notes;
    }

    public TransportBar transport() {
        return transport;
    }

    /** Shows the RPO/RTO ledger's tab (a Global Database only; the screenshot command uses it). */
    public void showLedger() {
        bottom.showLedger(global.isGlobal());
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
        Menu file = WindowMenus.file(files, stage);
        Menu sim = WindowMenus.simulation(vm);

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
                item("Why? The events behind the selection (or the volume)", new KeyCodeCombination(KeyCode.W),
                        () -> why.showForSelection(banner)),
                item("Clear the selection", new KeyCodeCombination(KeyCode.ESCAPE), () -> vm.select(null)));

        Menu view = new Menu("_View");
        sideItem.setAccelerator(shortcut(KeyCode.DIGIT1));
        sideItem.setOnAction(e -> panels.setSideShown(sideItem.isSelected()));
        chartsItem.setAccelerator(shortcut(KeyCode.DIGIT2));
        chartsItem.setOnAction(e -> panels.chooseCharts(chartsItem.isSelected()));
        notesItem.setAccelerator(shortcut(KeyCode.DIGIT3));
        notesItem.setOnAction(e -> panels.setNotesShown(notesItem.isSelected()));
        Menu themes = new Menu("_Theme");
        for (Theme t : Theme.values()) {
            javafx.scene.control.RadioMenuItem ri = new javafx.scene.control.RadioMenuItem(t.label());
            ri.setToggleGroup(themeGroup);
            ri.setSelected(t == theme);
            ri.setOnAction(e -> setTheme(t));
            themeItems.put(t, ri);
            themes.getItems().add(ri);
        }
        themes.getItems().addAll(new SeparatorMenuItem(),
                item("Next theme", shortcut(KeyCode.D), () -> setTheme(theme.next())));
        view.getItems().addAll(sideItem, chartsItem, notesItem, topology.distance().menuItem(), predict.menuItem(),
                new SeparatorMenuItem(),
                item("Zoom in", shortcut(KeyCode.EQUALS), topology::zoomIn),
                item("Zoom out", shortcut(KeyCode.MINUS), topology::zoomOut),
                item("Fit the picture to the window", shortcut(KeyCode.DIGIT0), topology::zoomToFit),
                new SeparatorMenuItem(), themes,
                item("Presenter mode (full screen, large picture)", new KeyCodeCombination(KeyCode.F11),
                        this::togglePresenter));

        Menu helpMenu = new Menu("_Help");
        helpMenu.getItems().addAll(item("About this scenario", null, () -> help.aboutScenario(vm.scenario())),
                item("What this model simplifies", null, () -> help.simplifications(vm.scenario())),
                item("_Myths and facts…", new KeyCodeCombination(KeyCode.M),
                        () -> new MythCardsDialog(stage, vm, files, notes, theme).show()),
                item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), help::shortcuts));
        Menu lessonMenu = dev.auroralab.ui.lesson.LessonMenu.build(lessons, files::showError);
        return new MenuBar(file, sim, selection, lessonMenu,
                dev.auroralab.ui.practice.PracticeMenu.build(practice, stage, files::showError,
                        (title, text) -> dialogs.info(title, text, true)), view, global.menu(),
                helpMenu);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return WindowMenus.shortcut(code);
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        return WindowMenus.item(text, key, action);
    }

    // =================================================================================================================
    // Keys
    // =================================================================================================================

    /** The strip is compact in presenter mode and on a short window; the region bar goes in presenter mode. */
    private void compactGlobal() {
        double h = getScene() == null ? Double.MAX_VALUE : getScene().getHeight();
        global.setCompact(presenter, h < PanelLayout.SHORT_HEIGHT);
    }

    /** Installs the presenter keys on the scene; call once the view is in its scene. */
    public void installKeys(Scene scene) {
        scene.heightProperty().addListener((o, a, b) -> compactGlobal());
        compactGlobal();
        predict.installKeys(scene);
        WindowKeys.install(scene, vm, lessons, practice, new WindowKeys.Actions(
                () -> keyed(TopologyAction.Kind.FAIL), () -> keyed(TopologyAction.Kind.RESTORE),
                this::togglePresenter, help::shortcuts, () -> why.showForSelection(banner), () -> {
                    if (presenter) {
                        setPresenter(false);
                    } else {
                        vm.select(null);
                    }
                }, code -> shortcutKey(code), topology,
                () -> new MythCardsDialog(stage, vm, files, notes, theme).show()));
    }

    /**
     * Ctrl+ keys that must work whatever the keyboard layout calls them (Ctrl+= and Ctrl++ both zoom in) and in
     * presenter mode, where the menu bar is hidden.
     */
    private boolean shortcutKey(KeyCode code) {
        switch (code) {
            case PLUS, ADD, EQUALS -> topology.zoomIn();
            case MINUS, SUBTRACT -> topology.zoomOut();
            case DIGIT0, NUMPAD0 -> topology.zoomToFit();
            case DIGIT1, NUMPAD1 -> panels.toggleSide();
            case DIGIT2, NUMPAD2 -> panels.toggleCharts();
            case DIGIT3, NUMPAD3 -> panels.toggleNotes();
            case D -> setTheme(theme.next());
            case R -> vm.restart();
            case B -> vm.comparison().toggle();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void keyed(TopologyAction.Kind kind) {
        Selection sel = vm.selection();
        if (sel == null) {
            vm.select(null);
            vm.tell("Select something first: click an instance, a copy, a storage node or an AZ"
                    + (global.isGlobal() ? ", or a region's card (G)" : ""));
            return;
        }
        TopologyAction a = TopologyActions.keyed(sel, vm.viewSnapshot(), kind);
        if (a == null) {
            vm.tell("Nothing to " + (kind == TopologyAction.Kind.FAIL ? "fail" : "restore") + " on " + sel.describe()
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

    // =================================================================================================================
    // Reacting to the model
    // =================================================================================================================

    private void onSnapshot(EngineSnapshot s) {
        if (s == null) {
            return;
        }
        controls.show(s);
        banner.show(s);
        bottom.show(s.isGlobal());
    }

    /** A scenario was opened (or the window built): its notes, the picker, the title, the end marker. */
    private void onScenarioOpened() {
        Scenario sc = vm.scenario();
        notes.setDescription(sc.name(), sc.description());
        panels.setNotesShown(true);
        controls.onScenarioOpened(sc);
        stage.setTitle(AuroraLabApp.title(sc));
    }

    // =================================================================================================================
    // Files, themes, presenter mode, help
    // =================================================================================================================

    /** Opens a file; a bad one shows the reader's message in a dialog and leaves the run as it was. */
    public Optional<ScenarioError> open(Path file) {
        return files.open(file);
    }

    /** Light or dark (the screenshot command's --dark, older tests): see {@link #setTheme}. */
    public void setDark(boolean dark) {
        setTheme(dark ? Theme.DARK : Theme.LIGHT);
    }

    /** The theme, controls and canvases alike: light, dark or high contrast (Ctrl+D goes to the next). */
    public void setTheme(Theme t) {
        theme = t;
        if (getScene() != null) {
            Theme.apply(t, getScene());
        } else {
            Application.setUserAgentStylesheet(t.userAgentStylesheet());
        }
        javafx.scene.control.RadioMenuItem ri = themeItems.get(t);
        if (ri != null) {
            ri.setSelected(true);
        }
        palette = t.palette();
        topology.setPalette(palette);
        global.setPalette(palette);
        timeline.setPalette(palette);
        paletteListeners.accept(palette);
    }

    public Theme theme() {
        return theme;
    }

    private void toggleSide() {
        panels.toggleSide();
    }

    private void toggleCharts() {
        panels.toggleCharts();
    }

    public void togglePresenter() {
        setPresenter(!presenter);
    }

    /** Presenter mode, full screen: see {@link #setPresenter(boolean, boolean)}. */
    public void setPresenter(boolean on) {
        setPresenter(on, true);
    }

    /**
     * Presenter mode: the picture fills the screen. The side panel, the menu bar, the transport bar and the status
     * line are hidden (the keys still work, and the clock and seed move beside the banner), the charts shrink to their
     * line of headline numbers, the type grows, the scenario's notes become a two-line caption the presenter can hide
     * (Ctrl+3), a Global Database's strip shows compact cards, and the topology takes every pixel left. Leaving it puts every panel and splitter back as it was.
     *
     * @param fullScreen whether to go full screen too (the screenshot command draws presenter mode at a given size)
     */
    public void setPresenter(boolean on, boolean fullScreen) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        if (on) {
            beforePresenter = panels.state();
            panels.setSideShown(false);
            panels.chooseCharts(false);
            getStyleClass().add(PRESENTER_STYLE);
        } else {
            getStyleClass().remove(PRESENTER_STYLE);
            if (beforePresenter != null) {
                panels.restore(beforePresenter);
            }
        }
        menuBar.setVisible(!on);
        menuBar.setManaged(!on);
        // the transport bar too: a presenter plays with the keys (Space, →, + and −) and the clock and seed move
        // beside the banner, so they stay in sight
        transport.setVisible(!on);
        transport.setManaged(!on);
        presenterClock.setVisible(on);
        presenterClock.setManaged(on);
        // bound only while it shows: a text that changes every frame costs a layout even on a hidden label
        if (on) {
            presenterClock.textProperty().bind(controls.clock().textProperty());
        } else {
            presenterClock.textProperty().unbind();
        }
        // the status line goes too: the banner says the state, and every pixel is the picture's
        status.setVisible(!on);
        status.setManaged(!on);
        compactGlobal();
        transport.setForcedIconsOnly(on);
        notes.setPresenter(on);
        topology.setCompact(on);
        timeline.setPresenter(on);
        presenterListeners.accept(on);
        presenterFullScreen = on && fullScreen;
        if (fullScreen || !on) {
            stage.setFullScreenExitHint("Presenter mode: F11 or Esc to leave");
            if (stage.isFullScreen() != (on && fullScreen)) {
                stage.setFullScreen(on && fullScreen);
            }
        }
    }

    public boolean isPresenter() {
        return presenter;
    }

    /** The panels as they should be saved for the next run: as they were before presenter mode, if it is on. */
    public PanelLayout.State layoutToSave() {
        return presenter && beforePresenter != null ? beforePresenter : panels.state();
    }

    /** The theme's name, as saved between runs. */
    public String themeName() {
        return theme.id();
    }

    /** Sets the theme by its saved name; an unknown name leaves the theme as it is. */
    public void setThemeName(String name) {
        Theme.fromName(name).ifPresent(this::setTheme);
    }
}
