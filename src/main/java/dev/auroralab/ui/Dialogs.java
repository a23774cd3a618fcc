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
    /** The widest a monospace dialog grows: wider lines wrap (a 1280 px projector keeps a margin). */
    private static final double MAX_MONOSPACE_WIDTH_PX = 1100;
    /** Monospace dialogs' type, set rather than inherited so the width can be measured before the dialog shows. */
    private static final int MONOSPACE_SIZE_PX = 14;

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
            area.setStyle("-fx-font-family: monospace; -fx-font-size: " + MONOSPACE_SIZE_PX + "px;");
        }
        if (textId != null) {
            area.setId(textId);
        }
        a.getDialogPane().setContent(area);
        if (monospace) {
            // a table of keys: as wide as its longest line (measured in the monospace type), so no line of it wraps on
            // a 1280 px screen; the column count above is in the default font's letters, too narrow for this
            String longest = text.lines().max(java.util.Comparator.comparingInt(String::length)).orElse("");
            javafx.scene.text.Text probe = new javafx.scene.text.Text(longest);
            probe.setFont(javafx.scene.text.Font.font("monospace", MONOSPACE_SIZE_PX));
            // the area's padding, its scroll bar and the dialog's own padding
            double width = Math.min(MAX_MONOSPACE_WIDTH_PX, probe.getLayoutBounds().getWidth() + 110);
            a.getDialogPane().setPrefWidth(width);
            a.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
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
