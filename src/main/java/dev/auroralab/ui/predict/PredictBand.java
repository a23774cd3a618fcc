package dev.auroralab.ui.predict;

import atlantafx.base.theme.Styles;
import dev.auroralab.run.ClockText;
import dev.auroralab.teach.PredictionChoice;
import dev.auroralab.teach.PredictionPrompt;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Predict-then-observe's band, a row over the picture under the volume banner: while the mode is on, one line says
 * so (and the score); at a stop it asks "what happens next?" with what is about to be done and the choices as large
 * numbered buttons (keys 1 to 4); after the answer it says right or wrong (✓ or ✗ and the words, never a colour alone)
 * and what happened, while the moment plays.
 *
 * <p>Why a band and not a pop-over: it is part of the window's layout, so it never covers the banner or the picture
 * whose change it asks about, it keeps its place and its large type in presenter mode and full screen (a pop-over is
 * a window of its own that a full-screen stage and a focus change may hide), and the screenshot command draws it.
 */
public final class PredictBand extends VBox {

    public static final String ID = "predictBand";
    public static final String QUESTION_ID = "predictQuestion";
    public static final String VERDICT_ID = "predictVerdict";
    public static final String HAPPENED_ID = "predictHappened";
    public static final String SCORE_ID = "predictScore";
    /** Choice buttons are {@code predictChoice1} to {@code predictChoice4}. */
    public static final String CHOICE_ID = "predictChoice";

    private final PredictModel model;
    private final Label title = new Label("Predict, then observe");
    private final Label line = new Label();
    private final Label score = new Label();
    private final Label question = new Label();
    private final Label lead = new Label();
    private final GridPane choices = new GridPane();
    private final Label verdict = new Label();
    private final Label happened = new Label();
    private final Button skip = new Button("Skip");
    private final List<Button> buttons = new ArrayList<>();

    public PredictBand(PredictModel model) {
        this.model = model;
        setId(ID);
        getStyleClass().add("predict-band");
        getStylesheets().add(PredictBand.class.getResource("predict.css").toExternalForm());
        setPadding(new Insets(6, 10, 8, 12));
        setSpacing(4);

        title.getStyleClass().add("predict-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        line.getStyleClass().add("predict-line");
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(line, Priority.ALWAYS);
        score.setId(SCORE_ID);
        score.getStyleClass().add("predict-score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        skip.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        skip.setTooltip(new Tooltip("Let the moment play without answering (not scored)"));
        skip.setOnAction(e -> model.skip());
        skip.setFocusTraversable(false);
        skip.setMinWidth(Region.USE_PREF_SIZE);
        Button off = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        off.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        off.setTooltip(new Tooltip("Turn predict-then-observe off (P)"));
        off.setOnAction(e -> model.onProperty().set(false));
        off.setFocusTraversable(false);
        HBox head = new HBox(10, title, line, score, skip, off);
        head.setAlignment(Pos.CENTER_LEFT);

        question.setId(QUESTION_ID);
        question.getStyleClass().add("predict-question");
        question.setWrapText(true);
        lead.getStyleClass().add("predict-lead");
        lead.setWrapText(true);
        lead.setMaxWidth(Double.MAX_VALUE);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            choices.getColumnConstraints().add(cc);
        }
        choices.setHgap(8);
        choices.setVgap(6);
        for (int i = 0; i < PredictionPrompt.MAX_CHOICES; i++) {
            Button b = new Button();
            int index = i;
            b.setId(CHOICE_ID + (i + 1));
            b.getStyleClass().add("predict-choice");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setFocusTraversable(false);
            b.setOnAction(e -> model.answer(index));
            buttons.add(b);
            choices.add(b, i % 2, i / 2);
        }
        verdict.setId(VERDICT_ID);
        verdict.getStyleClass().add("predict-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        happened.setId(HAPPENED_ID);
        happened.getStyleClass().add("predict-happened");
        happened.setWrapText(true);
        happened.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(head, verdict, happened, question, lead, choices);
        // wrapped text must keep its lines when the window is short: the picture gives up the height, not the words
        for (Labeled l : List.of(verdict, happened, question, lead)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Button b : buttons) {
            b.setMinHeight(Region.USE_PREF_SIZE);
        }

        model.onProperty().addListener((o, a, b) -> refresh());
        model.promptProperty().addListener((o, a, b) -> refresh());
        model.verdictProperty().addListener((o, a, b) -> refresh());
        model.askedProperty().addListener((o, a, b) -> refresh());
        model.waitingForProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Keys for the whole window: P turns predicting on and off, 1 to 4 answer a waiting question (the number row or the
     * keypad). Typing in a text field keeps its keys.
     */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isAltDown() || e.isShortcutDown()) {
                return;
            }
            int digit = digit(e.getCode());
            if (e.getCode() == KeyCode.P) {
                model.toggle();
                e.consume();
            } else if (digit > 0 && model.promptProperty().get() != null) {
                model.answer(digit - 1);
                e.consume();
            }
        });
    }

    private static int digit(KeyCode k) {
        return switch (k) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            default -> 0;
        };
    }

    private void refresh() {
        boolean on = model.isOn();
        setVisible(on);
        setManaged(on);
        PredictionPrompt p = model.promptProperty().get();
        PredictModel.Verdict v = model.verdictProperty().get();
        score.setText(model.score());
        skip.setVisible(p != null);
        skip.setManaged(p != null);
        getStyleClass().removeAll("asking", "answered");
        if (p != null) {
            getStyleClass().add("asking");
        } else if (v != null) {
            getStyleClass().add("answered");
        }
        // a verdict shows while its moment plays, and above the next question when that one comes right after it
        boolean showVerdict = v != null && (p == null || p.change().stopMicros() - v.prompt().change().atMicros()
                <= 1_000_000);
        show(verdict, showVerdict);
        show(happened, showVerdict && p == null);
        if (showVerdict) {
            verdict.getStyleClass().removeAll("right", "wrong");
            verdict.getStyleClass().add(v.right() ? "right" : "wrong");
            verdict.setText(verdictText(v));
            happened.setText("What happened: " + String.join(" ", v.prompt().whatHappened()));
        }
        show(question, p != null);
        show(lead, p != null);
        show(choices, p != null);
        if (p != null) {
            line.setText("t = " + ClockText.of(p.change().stopMicros()) + " · " + p.domain().title());
            question.setText(p.question());
            lead.setText(p.lead());
            for (int i = 0; i < buttons.size(); i++) {
                Button b = buttons.get(i);
                boolean shown = i < p.choices().size();
                b.setVisible(shown);
                b.setManaged(shown);
                if (shown) {
                    PredictionChoice c = p.choices().get(i);
                    b.setText((i + 1) + "   " + c.text());
                    b.setTooltip(new Tooltip("Press " + (i + 1) + ": " + c.text()));
                }
            }
        } else if (v != null) {
            line.setText("the moment plays on");
        } else {
            line.setText(model.waitingForProperty().get() != null
                    ? "waits while " + model.waitingForProperty().get() + " is open"
                    : "the run stops just before the next significant change and asks what happens next");
        }
    }

    /** "✓ Right: Writes stop." or "✗ Not this time: you said Reads stop; it was Writes stop." */
    static String verdictText(PredictModel.Verdict v) {
        String right = v.prompt().right().text();
        if (v.skipped()) {
            return "Skipped. It was: " + right + ".";
        }
        if (v.right()) {
            return "✓ Right: " + right + ".";
        }
        return "✗ Not this time: you said \"" + v.prompt().choices().get(v.choice()).text() + "\"; it was: " + right
                + ".";
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    public PredictModel model() {
        return model;
    }

    /** The menu item (View): on and off, with P shown as its key. */
    public javafx.scene.control.CheckMenuItem menuItem() {
        javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(
                "Predict, then observe: stop before each significant change and ask");
        item.setAccelerator(new javafx.scene.input.KeyCodeCombination(KeyCode.P));
        item.selectedProperty().bindBidirectional(model.onProperty());
        return item;
    }
}
