package dev.auroralab.ui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/**
 * The window's dialogs. While one is open the simulation pauses, and it plays on when the dialog closes if it was
 * playing before: a learner reading an error or choosing a file must not miss what the run did meanwhile.
 */
final class Dialogs {

    private final Stage owner;
    private final SimulationViewModel vm;
    private final Supplier<Theme> theme;

    Dialogs(Stage owner, SimulationViewModel vm, Supplier<Theme> theme) {
        this.owner = owner;
        this.vm = vm;
        this.theme = theme;
    }

    /**
     * Shows a modal alert (not waiting for it: the caller returns at once) with the simulation paused until it closes.
     *
     * @param textId the id of its text area, for tests; may be null
     */
    void show(Alert.AlertType type, String title, String header, String text, boolean monospace, String textId) {
        Alert a = new Alert(type, null, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(70);
        area.setPrefRowCount(Math.min(18, Math.max(4, (int) text.lines().count() + 1)));
        if (monospace) {
            area.setStyle("-fx-font-family: monospace;");
        }
        if (textId != null) {
            area.setId(textId);
        }
        a.getDialogPane().setContent(area);
        // a dialog has a scene of its own: give it the window's theme (high contrast's extra sheet included)
        Theme.apply(theme.get(), a.getDialogPane());
        boolean wasPlaying = vm.isPlaying();
        vm.pause();
        a.setOnHidden(e -> {
            if (wasPlaying) {
                vm.play();
            }
        });
        a.show();
    }

    void error(String title, String header, String text, String textId) {
        show(Alert.AlertType.ERROR, title, header, text, false, textId);
    }

    void info(String title, String text, boolean monospace) {
        show(Alert.AlertType.INFORMATION, title, title, text, monospace, null);
    }

    /** Runs a blocking dialog (a file chooser) with the simulation paused, and plays on afterwards if it was playing. */
    <T> T whilePaused(Supplier<T> dialog) {
        boolean wasPlaying = vm.isPlaying();
        vm.pause();
        try {
            return dialog.get();
        } finally {
            if (wasPlaying) {
                vm.play();
            }
        }
    }
}
