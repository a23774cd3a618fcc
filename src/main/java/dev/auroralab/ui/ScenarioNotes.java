package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The scenario's notes: its {@code description}, the explanation of what happens and why, in a band over the picture
 * when a scenario opens. A teacher hides it with its close button or Ctrl+3 (View → Scenario notes) and brings it back
 * the same way; in presenter mode it is the caption under the banner, in larger type.
 *
 * <p>It shows at most {@link #MAX_LINES} lines, so a long description never pushes the protection groups off a
 * 1280x720 screen; the whole text is in its tooltip and in the window's Help → About this scenario.
 */
public final class ScenarioNotes extends HBox {

    public static final String ID = "scenarioNotes";
    public static final String TEXT_ID = "scenarioNotesText";
    static final int MAX_LINES = 3;
    /** In presenter mode the caption keeps to two lines of its larger type: the picture needs the height. */
    static final int PRESENTER_MAX_LINES = 2;
    private int maxLines = MAX_LINES;

    private final Label text = new Label();
    private final Tooltip tip = new Tooltip();
    private Runnable onClose = () -> { };
    private String description = "";

    public ScenarioNotes() {
        super(8);
        setId(ID);
        getStyleClass().add("scenario-notes");
        setAlignment(Pos.TOP_LEFT);
        setPadding(new Insets(6, 8, 6, 12));
        FontIcon info = new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);
        info.getStyleClass().add("scenario-notes-icon");
        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.getStyleClass().add("scenario-notes-text");
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        text.setTooltip(tip);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Hide the scenario's notes (Ctrl+3 brings them back)"));
        close.setOnAction(e -> onClose.run());
        close.setFocusTraversable(false);
        getChildren().addAll(info, text, close);
        // the band's height follows the text's lines, up to MAX_LINES of them
        text.fontProperty().addListener((o, a, f) -> clampLines());
        clampLines();
    }

    private void clampLines() {
        double line = text.getFont().getSize() * 1.35;
        text.setMaxHeight(Math.ceil(line * maxLines) + 2);
    }

    /** Presenter mode: a caption of at most two lines in the presenter's larger type. */
    public void setPresenter(boolean on) {
        maxLines = on ? PRESENTER_MAX_LINES : MAX_LINES;
        clampLines();
    }

    /** Shows a scenario's description ("" or null: a short note that it has none). */
    public void setDescription(String name, String description) {
        this.description = description == null || description.isBlank() ? "" : description.strip();
        String shown = this.description.isEmpty()
                ? name + ": this scenario has no description. Add one with a description: line in its file."
                : this.description.replaceAll("\\s+", " ");
        text.setText(shown);
        tip.setText(shown);
    }

    /** The description as the file gives it, "" when it has none. */
    public String description() {
        return description;
    }

    public String text() {
        return text.getText();
    }

    /** What the close button does (the panel layout hides the band and remembers it). */
    public void setOnClose(Runnable r) {
        onClose = r;
    }
}
