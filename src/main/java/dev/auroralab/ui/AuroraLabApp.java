package dev.auroralab.ui;

import atlantafx.base.theme.PrimerLight;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Aurora Lab window: opens the default scenario (or the file or built-in scenario named by {@code --scenario})
 * and plays it. Each animation pulse hands the wall time since the last one to the view model, which advances the
 * engine; everything drawn follows from the snapshot it then publishes.
 */
public class AuroraLabApp extends Application {

    static final String TITLE = "Aurora Lab";

    /** "Aurora Lab - Healthy cluster (Aurora MySQL)": the scenario and the engine it runs, in the title bar. */
    static String title(dev.auroralab.scenario.Scenario sc) {
        return TITLE + " - " + sc.name() + " (" + sc.cluster().engine().label() + ")";
    }
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    private SimulationViewModel vm;
    private MainView view;
    private AnimationTimer timer;

    @Override
    public void start(Stage stage) {
        Scenario scenario = SimulationViewModel.defaultScenario();
        String startupProblem = null;
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        int at = args.indexOf("--scenario");
        if (at >= 0 && at + 1 < args.size()) {
            try {
                // a file or a built-in name, resolved as the command line resolves it (the launcher has already
                // refused a bad one before JavaFX started; this dialog is for a file changed since, or another
                // launcher)
                scenario = BuiltInScenarios.fileOrBuiltIn(args.get(at + 1));
            } catch (ScenarioError e) {
                startupProblem = e.getMessage();
            }
        }
        // the window opens where it was, at the size it had, but never larger than the screen's usable area
        Path prefsFile = WindowPrefs.defaultFile();
        WindowPrefs.Loaded loaded = WindowPrefs.load(prefsFile);
        WindowPrefs saved = loaded.prefs().orElse(null);
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D place = WindowPrefs.place(saved == null ? null : saved.x(), saved == null ? null : saved.y(),
                saved == null ? WIDTH : saved.width(), saved == null ? HEIGHT : saved.height(), screens,
                Screen.getPrimary().getVisualBounds());
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        Window w = build(stage, scenario, place.getWidth(), place.getHeight(), saved);
        vm = w.vm();
        view = w.view();
        if (saved != null && saved.maximized()) {
            stage.setMaximized(true);
        }
        if (loaded.notice() != null) {
            vm.tell(loaded.notice());
        }
        stage.setOnHiding(e -> saveLayout(stage, prefsFile));
        int lessonAt = args.indexOf("--lesson");
        if (lessonAt >= 0 && lessonAt + 1 < args.size() && startupProblem == null) {
            try {
                // the launcher checked the link; the lesson sets playing or paused as its step needs
                dev.auroralab.ui.lesson.LessonMenu.openLink(view.lessons(), args.get(lessonAt + 1));
                timer = pulse(vm);
                timer.start();
                return;
            } catch (ScenarioError e) {
                startupProblem = e.getMessage();
            }
        }
        if (startupProblem != null) {
            vm.pause();
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    startupProblem + "\n\nThe default scenario is open instead.");
            a.initOwner(stage);
            a.setHeaderText("The scenario file was not loaded");
            a.show();
        } else if (openAt(args) >= 0) {
            // --at: the moment a quiz's "Watch it" names, paused there, as Show me opens a myth's moment
            long atMicros = openAt(args);
            vm.advanceTo(atMicros);
            vm.pause();
            vm.tell("Opened " + vm.scenario().name() + " at " + dev.auroralab.run.ClockText.of(atMicros)
                    + ", paused: Space plays");
        } else {
            vm.play();
        }
        timer = pulse(vm);
        timer.start();
    }

    /** The {@code --at} moment the launcher checked, in microseconds, or -1 when none is given. */
    private static long openAt(List<String> args) {
        int i = args.indexOf("--at");
        return i >= 0 && i + 1 < args.size() ? dev.auroralab.scenario.Durations.parseMicros(args.get(i + 1)) : -1;
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** The parts of a built window, for the app, the screenshot command, the render bench and tests. */
    public record Window(SimulationViewModel vm, MainView view, Scene scene) {
    }

    /** Writes where the window is and how its panels are set; a failure costs only the next run's layout. */
    private void saveLayout(Stage stage, Path file) {
        PanelLayout.State st = view.layoutToSave();
        WindowPrefs p = new WindowPrefs(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), st.sideShown(), st.chartsAuto() || st.chartsShown(), st.sideDivider(),
                st.chartsDivider(),
                view.themeName());
        if (stage.isMaximized() || stage.isFullScreen()) {
            // keep the size it had before: leaving maximized should not give a window as large as the screen
            WindowPrefs before = WindowPrefs.load(file).prefs().orElse(null);
            p = new WindowPrefs(before == null ? null : before.x(), before == null ? null : before.y(),
                    before == null ? WIDTH : before.width(), before == null ? HEIGHT : before.height(),
                    stage.isMaximized(), p.sideShown(), p.chartsShown(), p.sideDivider(), p.chartsDivider(),
                    p.theme());
        }
        try {
            p.save(file);
        } catch (IOException | RuntimeException e) {
            System.err.println("aurora-lab: could not save the window layout to " + file + ": " + e.getMessage());
        }
    }

    /** Builds the window around a scenario without starting the clock, its panels set for its size. */
    public static Window build(Stage stage, Scenario scenario, double width, double height) {
        return build(stage, scenario, width, height, null);
    }

    /**
     * Builds the window around a scenario without starting the clock.
     *
     * @param saved the layout the window had when it last closed, or null for the defaults of a window this size
     */
    public static Window build(Stage stage, Scenario scenario, double width, double height, WindowPrefs saved) {
        // the theme is set here, not in start(), so the screenshot command and tests see the same window as a user
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ChartsPanel charts = new ChartsPanel();
        SimulationViewModel vm = new SimulationViewModel(scenario, System::nanoTime, charts);
        MainView view = new MainView(vm, stage, charts.node(), charts.headline());
        charts.setExpandHint(String.format(ChartsPanel.EXPAND_HINT, "Ctrl+2 (or click here)"));
        charts.setScenarioEndMicros(scenario.durationMicros());
        vm.loadsProperty().addListener((o, a, b) -> charts.setScenarioEndMicros(vm.scenario().durationMicros()));
        view.panels().start(width, height, saved);

        view.onPaletteChange(charts::setPalette);
        view.onPresenterChange(on -> charts.setPresenter(on));
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(AuroraLabApp.class.getResource("aurora-lab.css").toExternalForm());
        view.setTheme(view.theme());
        view.installKeys(scene);
        if (saved != null && saved.theme() != null) {
            view.setThemeName(saved.theme());
        }
        stage.setScene(scene);
        stage.setTitle(title(scenario));
        stage.show();
        return new Window(vm, view, scene);
    }

    /** Drives the view model from the animation pulse; the first pulse only sets the reference time. */
    public static AnimationTimer pulse(SimulationViewModel vm) {
        return new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last >= 0) {
                    // a long stall (window dragged, machine asleep) should not jump the simulation ahead by minutes
                    vm.pulse(Math.min(now - last, 100_000_000L));
                }
                last = now;
            }
        };
    }
}
