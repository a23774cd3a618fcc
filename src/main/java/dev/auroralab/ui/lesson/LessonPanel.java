package dev.auroralab.ui.lesson;

import atlantafx.base.theme.Styles;
import dev.auroralab.run.LessonPlayer;
import dev.auroralab.scenario.CaptionText;
import dev.auroralab.scenario.Lesson;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.BreadCrumbBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The lesson's caption over the picture: the steps taken so far (a ControlsFX BreadCrumbBar: click one to go back
 * to it), the step's title and caption with its elements drawn as chips, the question if it asks one, the sources,
 * what the simulation is doing, and Back / Continue. Sized for a projector: the caption is the largest text outside
 * the topology, and nothing in it is told by colour alone (chips carry their kind's word, answers their ✓ or ✗).
 */
public final class LessonPanel extends VBox {

    public static final String ID = "lessonPanel";
    public static final String CAPTION_ID = "lessonCaption";
    public static final String CONTINUE_ID = "lessonContinue";
    public static final String BACK_ID = "lessonBack";
    /**
     * The panel is a column right of the picture (in place of the side panel while a lesson is open): the topology
     * keeps its height, which it needs more than its width at 1280x720 (the panel on top made it scroll), and a
     * caption of three or four sentences wraps to about eight lines of 16 px type. On a wider window the column
     * grows with it ({@link #WIDTH_SHARE} of the window, up to {@link #MAX_WIDTH}) and, from 1,700 px (ColumnFit),
     * its type grows too: on a 1080p projector the caption must not read smaller than the diagram's labels.
     */
    static final double WIDTH = 340;
    static final double MAX_WIDTH = 520;
    static final double WIDTH_SHARE = 0.25;
    private static final dev.auroralab.ui.ColumnFit FIT = new dev.auroralab.ui.ColumnFit(WIDTH, MAX_WIDTH,
            WIDTH_SHARE);

    private final LessonModel model;
    private final BreadCrumbBar<StepCrumb> crumbs = new BreadCrumbBar<>();
    private final Label lessonTitle = new Label();
    private final Label title = new Label();
    private final Label position = new Label();
    /** Every step of the lesson, to jump to any of them (the crumbs show only the way taken so far). */
    private final javafx.scene.control.MenuButton chapters = new javafx.scene.control.MenuButton("Steps");
    private final TextFlow caption = new TextFlow();
    private final VBox question = new VBox(4);
    private final Label sources = new Label();
    /** The myth this step answers, as a link to its card (Help > Myths and facts). */
    private final Button myth = new Button(null, new FontIcon(MaterialDesignC.CARDS_OUTLINE));
    private final Label doing = new Label();
    private final Button back = new Button("Back", new FontIcon(MaterialDesignS.SKIP_PREVIOUS));
    private final Button next = new Button("Continue", new FontIcon(MaterialDesignS.SKIP_NEXT));
    /** The step the question was last drawn for: an answer stays shown while the step does. */
    private int questionDrawnFor = -1;

    /** A crumb: a step of the lesson, shown by its number (the current one with its title). */
    record StepCrumb(int index, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Sizes the column for a window {@code windowWidthPx} wide: a quarter of it, between {@link #WIDTH} and
     * {@link #MAX_WIDTH} px, with larger type (the {@code :roomy} pseudo-class) from 1,700 px (ColumnFit).
     */
    public void fitToWindow(double windowWidthPx) {
        FIT.apply(this, windowWidthPx);
    }

    public LessonPanel(LessonModel model) {
        super(6);
        this.model = model;
        setId(ID);
        getStyleClass().add("lesson-panel");
        setPadding(new Insets(8, 10, 8, 12));
        fitToWindow(0);

        crumbs.getStyleClass().add("lesson-crumbs");
        crumbs.setFocusTraversable(false);
        crumbs.setOnCrumbAction(e -> model.goTo(e.getSelectedCrumb().getValue().index()));
        crumbs.setTooltip(new Tooltip("The steps taken so far: click one to go back to it"));
        position.getStyleClass().add("lesson-position");
        lessonTitle.getStyleClass().add("lesson-name");
        lessonTitle.setWrapText(true);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Leave the lesson; the simulation stays as it is, for free play"));
        close.setOnAction(e -> model.close());
        close.setFocusTraversable(false);
        HBox.setHgrow(lessonTitle, Priority.ALWAYS);
        lessonTitle.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(6, lessonTitle, close);
        top.setAlignment(Pos.TOP_LEFT);
        chapters.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "lesson-chapters");
        chapters.setTooltip(new Tooltip("Every step of the lesson: pick one to go there (back by rewinding, forward"
                + " by taking the steps between)"));
        chapters.setFocusTraversable(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // "Step 3 of 7" and the Steps menu never shrink to "…": the crumbs get a row of their own
        position.setMinWidth(Region.USE_PREF_SIZE);
        chapters.setMinWidth(Region.USE_PREF_SIZE);
        HBox where = new HBox(8, position, gap, chapters);
        where.setAlignment(Pos.CENTER_LEFT);

        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        caption.setId(CAPTION_ID);
        caption.getStyleClass().add("lesson-caption");
        caption.setLineSpacing(3);
        question.getStyleClass().add("lesson-question");
        myth.getStyleClass().addAll("lesson-myth", Styles.FLAT);
        myth.setWrapText(true);
        myth.setMaxWidth(Double.MAX_VALUE);
        myth.setAlignment(Pos.CENTER_LEFT);
        myth.setFocusTraversable(false);
        VBox body = new VBox(8, title, caption, question, myth);
        body.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        // the text wraps to the column: nothing in it may ask for more width than the viewport has
        body.setMinWidth(0);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            body.setPrefWidth(b.getWidth());
            caption.setPrefWidth(b.getWidth() - 4);
            caption.setMaxWidth(b.getWidth() - 4);
        });
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        sources.getStyleClass().add("lesson-sources");
        sources.setWrapText(true);
        doing.getStyleClass().add("lesson-doing");
        doing.setWrapText(true);
        back.setId(BACK_ID);
        back.setTooltip(new Tooltip("Back to the previous step: the simulation rewinds to its start (Page Up)"));
        back.setOnAction(e -> model.back());
        back.setFocusTraversable(false);
        next.setId(CONTINUE_ID);
        next.getStyleClass().add(Styles.ACCENT);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> model.next());
        next.setFocusTraversable(false);
        next.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(next, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(top, where, crumbs, new Separator(), scroll, new Separator(), sources, doing, buttons);
        model.changesProperty().addListener((o, a, b) -> update());
        update();
    }

    /** Redraws from the model: called on every step or status change. */
    void update() {
        LessonPlayer p = model.player();
        setVisible(p != null);
        setManaged(p != null);
        if (p == null) {
            questionDrawnFor = -1;
            return;
        }
        Lesson lesson = p.lesson();
        Lesson.Step step = p.step();
        int n = lesson.steps().size();
        position.setText("Step " + (p.index() + 1) + " of " + n);
        lessonTitle.setText("Lesson: " + lesson.title());
        title.setText(step.title());
        drawCrumbs(lesson, p.index());
        drawChapters(lesson, p.index());
        caption.getChildren().setAll(captionNodes(step.caption()));
        sources.setText(step.sources().isEmpty() ? "" : "Sources: " + String.join(" · ", step.sources()));
        doing.setText(doingText(p));
        back.setDisable(p.index() == 0 && p.stepStartMicros() == model.player().run().nowMicros());
        boolean last = p.index() == n - 1;
        next.setText(p.status() == LessonPlayer.Status.RUNNING ? "Skip to end"
                : last ? (p.status() == LessonPlayer.Status.FINISHED ? "Finished" : "Finish") : "Continue");
        next.setDisable(p.status() == LessonPlayer.Status.FINISHED);
        next.setTooltip(new Tooltip(p.status() == LessonPlayer.Status.RUNNING
                ? "Jump to the end of this step (Page Down)" : "Next step (Space or Page Down)"));
        var card = step.myth() == null ? java.util.Optional.<dev.auroralab.teach.MythCard>empty()
                : dev.auroralab.teach.MythCards.byId(step.myth());
        myth.setVisible(card.isPresent());
        myth.setManaged(card.isPresent());
        card.ifPresent(c -> {
            myth.setText("Myth or fact? \u201c" + c.myth() + "\u201d: open the card");
            myth.setOnAction(e -> model.openMyth(c.id()));
        });
        if (questionDrawnFor != p.index()) {
            drawQuestion(step.question());
            questionDrawnFor = p.index();
        }
    }

    /** What the simulation does now, in words: the step's end, or what went wrong. */
    private static String doingText(LessonPlayer p) {
        List<String> lines = new ArrayList<>();
        for (String r : p.refused()) {
            lines.add("⚠ Refused: " + r);
        }
        if (p.timedOut() != null) {
            lines.add("⚠ Not reached: " + p.timedOut());
        }
        Lesson.End end = p.step().end();
        String what = switch (p.status()) {
            case FINISHED -> "✓ Lesson finished. The simulation is yours: break something, or pick another lesson.";
            case WAITING -> end instanceof Lesson.End.OnContinue ? "Paused while you read. Continue when ready."
                    : "✓ Step done. Continue when ready.";
            case RUNNING -> end instanceof Lesson.End.When w ? "▶ Playing until " + w.text()
                    : end instanceof Lesson.End.After a ? "▶ Playing for " + dev.auroralab.scenario.Durations.format(
                            a.afterMicros())
                    : "▶ Playing until " + dev.auroralab.run.ClockText.of(((Lesson.End.At) end).atMicros());
        };
        if (p.playSpeed().isPresent()) {
            what += " at " + dev.auroralab.ui.SpeedLadder.label(p.playSpeed().getAsDouble())
                    + " (your speed returns after the step)";
        }
        lines.add(what);
        return String.join("\n", lines);
    }

    private void drawChapters(Lesson lesson, int current) {
        chapters.getItems().clear();
        for (int i = 0; i < lesson.steps().size(); i++) {
            int to = i;
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem((i == current ? "▶ " : "   ")
                    + (i + 1) + ". " + lesson.steps().get(i).title());
            item.setOnAction(e -> model.goTo(to));
            chapters.getItems().add(item);
        }
    }

    private void drawCrumbs(Lesson lesson, int current) {
        TreeItem<StepCrumb> leaf = null;
        for (int i = 0; i <= current; i++) {
            String text = String.valueOf(i + 1);
            TreeItem<StepCrumb> item = new TreeItem<>(new StepCrumb(i, text));
            if (leaf != null) {
                leaf.getChildren().add(item);
            }
            leaf = item;
        }
        crumbs.setSelectedCrumb(leaf);
    }

    /** The caption as text runs and chips: an element's chip says its kind in words, a term is bold. */
    static List<Node> captionNodes(String text) {
        List<Node> nodes = new ArrayList<>();
        for (CaptionText.Part part : CaptionText.parse(text.replaceAll("\\s+", " ").strip())) {
            if (part.isPlain()) {
                Text t = new Text(part.text());
                t.getStyleClass().add("lesson-text");
                nodes.add(t);
            } else if (part.kind().equals("term")) {
                Text t = new Text(part.text());
                t.getStyleClass().addAll("lesson-text", "lesson-term");
                nodes.add(t);
            } else {
                Label chip = new Label(part.text());
                chip.getStyleClass().addAll("lesson-chip", "lesson-chip-" + part.kind());
                chip.setTooltip(new Tooltip(kindWord(part.kind()) + " " + part.id()
                        + " (spotlit in the picture when the step names it)"));
                nodes.add(chip);
            }
        }
        return nodes;
    }

    private static String kindWord(String kind) {
        return switch (kind) {
            case "instance" -> "Instance";
            case "segment" -> "Copy (segment)";
            case "node" -> "Storage node";
            case "az" -> "AZ";
            case "pg" -> "Protection group";
            case "endpoint" -> "Endpoint";
            default -> "Region";
        };
    }

    private void drawQuestion(Lesson.Question q) {
        question.getChildren().clear();
        question.setVisible(q != null);
        question.setManaged(q != null);
        if (q == null) {
            return;
        }
        Label ask = new Label("Question: " + q.ask());
        ask.getStyleClass().add("lesson-ask");
        ask.setWrapText(true);
        Label feedback = new Label();
        feedback.getStyleClass().add("lesson-feedback");
        feedback.setWrapText(true);
        feedback.setVisible(false);
        feedback.setManaged(false);
        VBox choices = new VBox(4);
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            int chosen = i;
            Button b = new Button((char) ('A' + i) + ". " + q.choices().get(i));
            b.getStyleClass().add("lesson-choice");
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setFocusTraversable(false);
            b.setOnAction(e -> answer(q, chosen, buttons, feedback));
            buttons.add(b);
        }
        choices.getChildren().setAll(buttons);
        question.getChildren().addAll(ask, choices, feedback);
    }

    private static void answer(Lesson.Question q, int chosen, List<Button> buttons, Label feedback) {
        for (int i = 0; i < buttons.size(); i++) {
            Button b = buttons.get(i);
            b.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (i == q.answer()) {
                b.getStyleClass().add(Styles.SUCCESS);
                b.setText("✓ " + b.getText().replaceFirst("^[✓✗] ", ""));
            } else if (i == chosen) {
                b.getStyleClass().add(Styles.DANGER);
                b.setText("✗ " + b.getText().replaceFirst("^[✓✗] ", ""));
            }
        }
        String verdict = chosen == q.answer() ? "Right. " : "Not quite: the answer is "
                + (char) ('A' + q.answer()) + ". ";
        feedback.setText(verdict + (q.explain() == null ? "" : q.explain().replaceAll("\\s+", " ").strip()));
        feedback.setVisible(true);
        feedback.setManaged(true);
    }

    /** For tests: what the caption says, as plain text. */
    public String captionText() {
        StringBuilder b = new StringBuilder();
        for (Node n : caption.getChildren()) {
            b.append(n instanceof Text t ? t.getText() : n instanceof Label l ? l.getText() : "");
        }
        return b.toString();
    }
}
