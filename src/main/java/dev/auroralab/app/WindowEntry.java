package dev.auroralab.app;

import dev.auroralab.ui.AuroraLabApp;
import javafx.application.Application;

/**
 * The one door from {@code app} into JavaFX. Kept in its own class so that the command-line path
 * ({@link Launcher} with arguments, {@link Commands}) never loads a JavaFX class.
 */
final class WindowEntry {

    private WindowEntry() {
    }

    static void open(String[] args) {
        Application.launch(AuroraLabApp.class, args);
    }
}
