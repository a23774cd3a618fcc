package dev.auroralab.ui;

import atlantafx.base.theme.PrimerLight;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.List;
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
        Window w = build(stage, scenario, WIDTH, HEIGHT);
        vm = w.vm();
        view = w.view();
        if (startupProblem != null) {
            vm.pause();
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    startupProblem + "\n\nThe default scenario is open instead.");
            a.initOwner(stage);
            a.setHeaderText("The scenario file was not loaded");
            a.show();
        } else {
            vm.play();
        }
        timer = pulse(vm);
        timer.start();
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

    /** Builds the window around a scenario without starting the clock. */
    public static Window build(Stage stage, Scenario scenario, double width, double height) {
        // the theme is set here, not in start(), so the screenshot command and tests see the same window as a user
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ChartsPanel charts = new ChartsPanel();
        SimulationViewModel vm = new SimulationViewModel(scenario, System::nanoTime, charts);
        MainView view = new MainView(vm, stage, charts.node());
        view.onPaletteChange(charts::setPalette);
        view.onPresenterChange(on -> charts.setPresenter(on));
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(AuroraLabApp.class.getResource("aurora-lab.css").toExternalForm());
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setTitle(TITLE + " - " + scenario.name());
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
