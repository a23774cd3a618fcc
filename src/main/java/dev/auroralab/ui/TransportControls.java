package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The controls of the transport bar and what they show: play and pause, step, next event, restart; the speed and the
 * speed reached; the scenario open now (the picker names a built-in one, or the file); the simulated clock and seed,
 * which say when the run went past the scenario's timeline; and the buttons for the panels, the theme and presenter
 * mode. The row that holds them and shares its width is {@link TransportBar}.
 */
final class TransportControls {

    /** What the bar's window-level buttons do, given by the main view. */
    record Actions(Runnable openFile, Runnable saveFile, Consumer<String> openBuiltIn, Runnable toggleSide,
            Runnable toggleCharts, Runnable nextTheme, Runnable togglePresenter) {
    }

    private static final String PICKER_TIP = "The scenario open now; pick a built-in one here, or open a file (Ctrl+O)";

    /** The bar's toggle for the distance-to-failure overlay. */
    static final String DISTANCE_ID = "distanceToggle";

    private final SimulationViewModel vm;
    private final Button play = new Button();
    private final Slider speed = new Slider(-2, 2, 0);
    private final Label speedLabel = new Label();
    private final ComboBox<String> picker = new ComboBox<>();
    private final Label clock = new Label();
    private final TransportBar bar;
    /** The built-in name the picker shows now (null for a file), so setting it does not open the scenario again. */
    private String shownBuiltIn;
    private long scenarioEndMicros = Long.MAX_VALUE;
    private boolean toldPastEnd;
    private String shownClock = "";

    TransportControls(SimulationViewModel vm, Actions actions, javafx.beans.property.BooleanProperty distanceShown) {
        this.vm = vm;
        play.setId(MainView.PLAY_ID);
        play.setOnAction(e -> vm.togglePlaying());
        play.setTooltip(new Tooltip("Play or pause the simulation (Space)"));

        Button step = new Button("Step", new FontIcon(MaterialDesignS.STEP_FORWARD));
        step.setId(MainView.STEP_ID);
        step.setOnAction(e -> vm.stepOneEvent());
        step.setTooltip(new Tooltip("Step: pause and fire one engine event, a boxcar landing, an ack, a timer (→).\n"
                + "Shift+→ runs to the next event in the log."));

        Button next = new Button("Next event", new FontIcon(MaterialDesignS.SKIP_NEXT));
        next.setOnAction(e -> vm.stepToNextNotableEvent());
        next.setTooltip(new Tooltip("Next event: pause, then run until the next event in the log (Shift+→)"));

        Button restart = new Button("Restart", new FontIcon(MaterialDesignR.RESTART));
        restart.setOnAction(e -> vm.restart());
        restart.setTooltip(new Tooltip("Restart: this scenario again from t = 0 with its seed (Ctrl+R)"));

        speed.setId(MainView.SPEED_ID);
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
        speedLabel.setId(MainView.SPEED_LABEL_ID);

        picker.setId(MainView.SCENARIO_PICKER_ID);
        picker.getItems().setAll(BuiltInScenarios.NAMES);
        // JavaFX shows a ComboBox's prompt text only until a value was set once (after setValue(null) the button is
        // blank): a file, an inline lesson scenario or the largest volume must still be named, so the button cell
        // says the prompt itself whenever no built-in of the list is open
        picker.setButtonCell(new javafx.scene.control.ListCell<>() {
            {
                picker.promptTextProperty().addListener((o, a, b) -> show(getItem()));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(empty ? null : item);
            }

            private void show(String item) {
                setText(item != null ? item : picker.getPromptText());
            }
        });
        picker.setTooltip(new Tooltip(PICKER_TIP));
        picker.setOnAction(e -> {
            String name = picker.getValue();
            if (name != null && !name.equals(shownBuiltIn)) {
                actions.openBuiltIn().accept(name);
            }
        });

        Button open = iconButton(MaterialDesignF.FOLDER_OPEN, "Open a scenario file (Ctrl+O)", actions.openFile());
        Button save = iconButton(MaterialDesignC.CONTENT_SAVE, "Save this scenario with the actions you took (Ctrl+S)",
                actions.saveFile());
        Button panels = iconButton(MaterialDesignD.DOCK_RIGHT,
                "Show or hide the side panel: inspector, event log, workload (Ctrl+1)", actions.toggleSide());
        Button charts = iconButton(MaterialDesignC.CHART_LINE,
                "Show the charts, or collapse them to one line of headline numbers (Ctrl+2)", actions.toggleCharts());
        Button theme = iconButton(MaterialDesignT.THEME_LIGHT_DARK,
                "Next theme: light, dark, high contrast; the picture follows (Ctrl+D)", actions.nextTheme());
        javafx.scene.control.ToggleButton distance = new javafx.scene.control.ToggleButton(null,
                new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        distance.setId(DISTANCE_ID);
        distance.selectedProperty().bindBidirectional(distanceShown);
        distance.setTooltip(new Tooltip("Distance to failure: mark every single further fault that would stop writes,"
                + " reads or the writer, and say why (D)"));
        Button present = iconButton(MaterialDesignP.PROJECTOR_SCREEN,
                "Presenter mode: full screen, the picture as large as it goes (F11; Esc leaves)",
                actions.togglePresenter());

        clock.setId(MainView.CLOCK_ID);
        clock.getStyleClass().addAll(Styles.TITLE_4, "sim-clock");
        bar = new TransportBar(List.of(play, step, next, restart), speed, speedLabel, picker, List.of(open, save),
                clock, List.of(panels, charts, distance, theme, present), List.of(open, save, panels, charts, distance));

        vm.playingProperty().addListener((o, a, b) -> refreshPlay());
        vm.speedProperty().addListener((o, a, b) -> refreshSpeed());
        vm.effectiveSpeedProperty().addListener((o, a, b) -> refreshSpeed());
        refreshPlay();
        refreshSpeed();
    }

    TransportBar bar() {
        return bar;
    }

    /** The clock and seed label: presenter mode shows its text beside the banner. */
    Label clock() {
        return clock;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The clock and seed, and once, when the run passes the scenario's end, a word in the status line. */
    void show(EngineSnapshot s) {
        long now = s.nowMicros();
        boolean pastEnd = now > scenarioEndMicros;
        String text = "t = " + dev.auroralab.run.ClockText.of(now) + "   seed " + s.seed() + (pastEnd ? "   ▸ past end" : "");
        if (!text.equals(shownClock)) {
            shownClock = text;
            clock.setText(text);
        }
        if (pastEnd && !toldPastEnd) {
            toldPastEnd = true;
            vm.tell("The scenario's timeline ended at " + dev.auroralab.run.ClockText.of(scenarioEndMicros)
                    + "; the simulation plays on (Restart: Ctrl+R)");
        }
    }

    /** A scenario was opened: the picker names it, the clock learns where its timeline ends. */
    void onScenarioOpened(Scenario sc) {
        scenarioEndMicros = sc.durationMicros() > 0 ? sc.durationMicros() : Long.MAX_VALUE;
        toldPastEnd = false;
        shownClock = "";
        String builtIn = BuiltInScenarios.NAMES.stream().filter(n -> isBuiltIn(sc, n)).findFirst().orElse(null);
        shownBuiltIn = builtIn;
        picker.setValue(builtIn);
        // not a built-in: the scenario's own name, which a file, a lesson's or a question's demonstration all have
        // (the file name would say "questions.yaml" for every demonstration); the tooltip says where it came from
        picker.setPromptText(builtIn != null ? builtIn : sc.name());
        picker.setTooltip(new Tooltip(builtIn != null || sc.sourceName() == null ? PICKER_TIP
                : "Open now: " + sc.name() + " (from " + Path.of(sc.sourceName()).getFileName() + ").\n" + PICKER_TIP));
        clock.setTooltip(new Tooltip("Simulated time (minutes:seconds.milliseconds) and the run's seed: the same "
                + "scenario, seed and actions always give the same run. The scenario's timeline runs to "
                + Durations.format(sc.durationMicros()) + "; the simulation plays on after it."));
    }

    /** Whether {@code sc} is the built-in scenario {@code name} itself (a file of the same name is not). */
    private static boolean isBuiltIn(Scenario sc, String name) {
        if (!(name + ".yaml").equals(sc.sourceName())) {
            return false;
        }
        try {
            return BuiltInScenarios.load(name).equals(sc);
        } catch (ScenarioError e) {
            return false;
        }
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
}
