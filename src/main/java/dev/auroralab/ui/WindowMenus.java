package dev.auroralab.ui;

import dev.auroralab.scenario.BuiltInScenarios;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The window's File and Simulation menus, which need only the file actions and the view model, and the helpers every
 * menu of the window is built with. The menus that reach into the window's panels (Selection, View, Help) stay in
 * {@link MainView}.
 */
final class WindowMenus {

    private WindowMenus() {
    }

    static Menu file(FileActions files, Stage stage) {
        Menu file = new Menu("_File");
        MenuItem open = item("_Open scenario…", shortcut(KeyCode.O), files::openFile);
        MenuItem save = item("_Save scenario with my actions…", shortcut(KeyCode.S), files::saveFile);
        Menu builtIns = new Menu("_Built-in scenarios");
        for (String name : BuiltInScenarios.NAMES) {
            builtIns.getItems().add(item(name, null, () -> files.openBuiltIn(name)));
        }
        MenuItem png = item("_Export view as PNG…", shortcut(KeyCode.E), files::exportPng);
        MenuItem quit = item("_Quit", shortcut(KeyCode.Q), stage::close);
        file.getItems().addAll(open, save, builtIns, new SeparatorMenuItem(), png, new SeparatorMenuItem(), quit);
        return file;
    }

    static Menu simulation(SimulationViewModel vm) {
        Menu sim = new Menu("_Simulation");
        sim.getItems().addAll(
                item("Play / pause", new KeyCodeCombination(KeyCode.SPACE), vm::togglePlaying),
                item("Step one engine event", new KeyCodeCombination(KeyCode.RIGHT), vm::stepOneEvent),
                item("Step to the next logged event", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN),
                        vm::stepToNextNotableEvent),
                item("Step back to the previous logged event", new KeyCodeCombination(KeyCode.LEFT), vm::stepBack),
                item("Back to the previous mark (fault, action, failover)",
                        new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHIFT_DOWN), vm::backToPreviousMark),
                item("Go to the start", new KeyCodeCombination(KeyCode.HOME), () -> vm.seek(0)),
                item("Go to the furthest point played", new KeyCodeCombination(KeyCode.END),
                        () -> vm.seek(vm.extentMicros())),
                item("Compare with the branch it left (again: stop)", shortcut(KeyCode.B), vm.comparison()::toggle),
                item("Faster", new KeyCodeCombination(KeyCode.PLUS), vm::faster),
                item("Slower", new KeyCodeCombination(KeyCode.MINUS), vm::slower),
                new SeparatorMenuItem(),
                item("_Restart the scenario", shortcut(KeyCode.R), vm::restart));
        return sim;
    }

    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
