package dev.auroralab.app;

import dev.auroralab.ui.AuroraLabApp;
import java.util.List;
import javafx.application.Application;

/**
 * The one door from {@code app} into JavaFX. Kept in its own class so that the command-line path
 * ({@link Launcher} with arguments, {@link Commands}) never loads a JavaFX class.
 */
final class WindowEntry {

    private WindowEntry() {
    }

    /**
     * Opens the window and returns when it is closed.
     *
     * @param args the window's arguments, already checked by {@link WindowArgs}: none, or {@code --scenario FILE}
     */
    static void open(List<String> args) {
        // the same silence as the drawing commands: a user starting the jar sees no class-path warning
        ClassPathWarning.silence();
        Application.launch(AuroraLabApp.class, args.toArray(String[]::new));
    }
}
