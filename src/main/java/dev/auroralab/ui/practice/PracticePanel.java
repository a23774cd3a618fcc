package dev.auroralab.ui.practice;

import atlantafx.base.theme.Styles;
import dev.auroralab.exam.Demonstration;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Exam;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.exam.Sources;
import dev.auroralab.run.ClockText;
import dev.auroralab.ui.practice.PracticeModel.Mode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The practice column right of the picture, in the side panel's place as a lesson's is: a header (practice or the
 * timed set, and where the record stands: "3 due · 9 new · box 1: 2"), the domains to practise (a ControlsFX
 * CheckComboBox), the question with its domain and exam tags and its choices as large buttons "A. …", and after an
 * answer the verdict (✓ or ✗ and words, never colour alone), the explanation, what changed and when, the sources and
 * Watch it. Its type is the lesson column's: large enough for a projector at 1280x720, larger in presenter mode and on
 * a wide window. The timed set's setup and result are drawn by {@link TimedViews}.
 */
public final class PracticePanel extends VBox {

    public static final String ID = "practicePanel";
    public static final String NEXT_ID = "practiceNext";
    public static final String WATCH_ID = "practiceWatch";
    public static final String BACK_ID = "practiceBack";
    public static final String VERDICT_ID = "practiceVerdict";
    public static final String COUNTS_ID = "practiceCounts";
    public static final String NOTICE_ID = "practiceNotice";
    /**
     * A quarter of the window and a bit more than the lesson's (a question and four choices are longer than a
     * caption), and no wider, since at 1280 the topology then reaches its smallest scale: 384 px at 1280, 410 at
     * 1366, up to 560 on a 1080p screen, whose type grows from
     * 1,700 px (ColumnFit) as the lesson column's does.
     */
    static final double WIDTH = 360;
    static final double MAX_WIDTH = 560;
    static final double WIDTH_SHARE = 0.3;
    private static final dev.auroralab.ui.ColumnFit FIT = new dev.auroralab.ui.ColumnFit(WIDTH, MAX_WIDTH,
            WIDTH_SHARE);

    private final PracticeModel model;
    private final Label heading = new Label();
    private final Label counts = new Label();
    private final Label notice = new Label();
    private final CheckComboBox<Domain> domainBox = new CheckComboBox<>();
    private final HBox filter;
    /** The question, its choices and the feedback: it scrolls to the feedback once laid out with it. */
    private final VBox body = new VBox(8) {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            scrollToFeedback();
        }
    };
    private final ScrollPane scroll = new ScrollPane(body);
    private final Label hint = new Label();
    private final Button watch = new Button("Watch it (W)", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
    private final Button back = new Button("Back to the question", new FontIcon(MaterialDesignA.ARROW_LEFT));
    private final Button next = new Button("Next", new FontIcon(MaterialDesignS.SKIP_NEXT));
    /** The buttons under the column: a row that wraps rather than widen the column (presenter mode's type). */
    private final FlowPane buttons;
    private final TimedViews timedViews;
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    /** The bank the domain list was filled from. */
    private QuestionBank domainsOf;
    /** True while the panel sets the domain list from the model, so its listener does not echo it back. */
    private boolean syncing;
    /** The question and state the body was last drawn for: a redraw keeps the scroll where the learner left it. */
    private String drawnFor = "";
    /** An answer was just shown: scroll to its feedback once laid out. */
    private boolean feedbackToScrollTo;

    public PracticePanel(PracticeModel model) {
        super(6);
        this.model = model;
        this.timedViews = new TimedViews(model);
        setId(ID);
        getStyleClass().addAll("lesson-panel", "practice-panel");
        setPadding(new Insets(8, 10, 8, 12));
        fitToWindow(0);

        heading.getStyleClass().add("practice-heading");
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Leave practice; your record is saved after every answer"));
        close.setOnAction(e -> model.close());
        close.setFocusTraversable(false);
        HBox top = new HBox(6, heading, close);
        top.setAlignment(Pos.TOP_LEFT);
        counts.setId(COUNTS_ID);
        counts.getStyleClass().add("practice-counts");
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        counts.setTooltip(new Tooltip("Your record of these questions: due now (missed last time, or their time has"
                + " come), new (never answered), and how many sit in each Leitner box (1: missed, comes back next"
                + " session; 5: known, comes back after 16 sessions)"));
        notice.setId(NOTICE_ID);
        notice.getStyleClass().add("practice-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.setMaxWidth(Double.MAX_VALUE);

        domainBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Domain d) {
                return d == null ? "" : d.title();
            }

            @Override
            public Domain fromString(String s) {
                return null;
            }
        });
        domainBox.setFocusTraversable(false);
        domainBox.setTooltip(new Tooltip("Practise some domains only; none ticked: every domain"));
        domainBox.getCheckModel().getCheckedItems().addListener((ListChangeListener<Domain>) c -> {
            if (!syncing) {
                Set<Domain> chosen = EnumSet.noneOf(Domain.class);
                chosen.addAll(domainBox.getCheckModel().getCheckedItems());
                model.setDomains(chosen);
            }
        });
        domainBox.setPrefWidth(170);
        domainBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(counts, Priority.ALWAYS);
        counts.setMaxWidth(Double.MAX_VALUE);
        filter = new HBox(8, domainBox, counts);
        filter.setAlignment(Pos.CENTER_LEFT);

        body.setPadding(new Insets(0, 4, 0, 0));
        body.setMinWidth(0);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            body.setPrefWidth(b.getWidth());
            scrollToFeedback();
        });
        VBox.setVgrow(scroll, Priority.ALWAYS);

        hint.getStyleClass().add("practice-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        watch.setId(WATCH_ID);
        watch.setTooltip(new Tooltip("Open the demonstration at its moment, playing, with its elements spotlit (W)"));
        watch.setOnAction(e -> model.watch());
        back.setId(BACK_ID);
        back.setTooltip(new Tooltip("Back to the question; the demonstration stays open (Page Up or Backspace)"));
        back.setOnAction(e -> model.backToQuestion());
        next.setId(NEXT_ID);
        next.getStyleClass().add(Styles.ACCENT);
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setOnAction(e -> model.next());
        for (Button b : new Button[] {watch, back, next}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("practice-button");
        }
        buttons = new FlowPane(8, 6, watch, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(0);
        buttons.prefWrapLengthProperty().bind(widthProperty().subtract(24));

        clock.setCycleCount(Animation.INDEFINITE);
        getChildren().addAll(top, filter, notice, new Separator(), scroll, new Separator(), hint, buttons);
        model.changesProperty().addListener((o, a, b) -> update());
        update();
    }

    /**
     * Sizes the column for a window {@code windowWidthPx} wide: {@link #WIDTH_SHARE} of it, between {@link #WIDTH}
     * and {@link #MAX_WIDTH} px, with larger type (the {@code :roomy} pseudo-class) from 1,700 px (ColumnFit).
     */
    public void fitToWindow(double windowWidthPx) {
        FIT.apply(this, windowWidthPx);
    }

    /** Redraws from the model. */
    void update() {
        Mode mode = model.mode();
        boolean open = mode != Mode.CLOSED;
        setVisible(open);
        setManaged(open);
        if (mode == Mode.TIMED) {
            clock.play();
        } else {
            clock.stop();
        }
        if (!open) {
            drawnFor = "";
            return;
        }
        List<String> notices = model.notices();
        show(notice, !notices.isEmpty());
        notice.setText(notices.isEmpty() ? "" : "⚠ " + String.join("\n⚠ ", notices));
        syncDomains();
        boolean filtering = model.bank() != null && (mode == Mode.TIMED_SETUP
                || mode == Mode.PRACTICE && !model.isReviewing());
        show(domainBox, filtering);
        counts.setText(model.countsText());
        show(counts, model.bank() != null && mode != Mode.TIMED);
        show(filter, filtering || counts.isManaged());
        hideButtons();
        String key = mode + "|" + model.position() + "|" + model.choice() + "|" + model.isWatching() + "|"
                + model.isReviewing() + "|" + (model.question() == null ? "" : model.question().id()) + "|"
                + model.total();
        boolean fresh = !key.equals(drawnFor);
        drawnFor = key;
        if (model.bank() == null) {
            heading.setText("Practice");
            body.getChildren().setAll(wrapped("The question bank could not be read, so there is nothing to practise: "
                    + model.bankProblem(), "practice-text"));
            return;
        }
        switch (mode) {
            case PRACTICE -> drawPractice();
            case TIMED_SETUP -> {
                heading.setText("Timed set");
                body.getChildren().setAll(timedViews.setup());
                hint.setText("Enter starts the set");
                next.setText("Start the set (Enter)");
                show(next, true);
            }
            case TIMED -> drawTimed();
            case RESULT -> {
                heading.setText("Timed set: the result");
                body.getChildren().setAll(timedViews.result());
                boolean missed = !model.missed().isEmpty();
                hint.setText(missed ? "Enter reviews the missed questions, one by one" : "Nothing missed");
                next.setText("Review the missed (Enter)");
                show(next, missed);
            }
            default -> {
            }
        }
        if (fresh) {
            scroll.setVvalue(0);
            feedbackToScrollTo = model.answerShown() && !model.isWatching();
            scrollToFeedback();
        }
        show(hint, !hint.getText().isEmpty());
    }

    private void hideButtons() {
        show(watch, false);
        show(back, false);
        show(next, false);
        next.setDisable(false);
        hint.setText("");
    }

    private void drawPractice() {
        Question q = model.question();
        heading.setText(model.isReviewing() ? "Reviewing the missed: " + (model.position() + 1) + " of "
                + model.total() : q == null || model.isWatching() ? "Practice"
                : "Practice: question " + (model.position() + 1) + " of " + model.total());
        if (q == null) {
            drawRoundDone();
            return;
        }
        if (model.isWatching()) {
            drawWatching(q);
            return;
        }
        List<Node> nodes = new ArrayList<>(questionNodes(q, model.isReviewing() ? null : model.standing(q)));
        if (model.answerShown()) {
            nodes.add(feedback(q, model.choice()));
            show(watch, q.demonstrated());
            boolean lastReview = model.isReviewing() && model.position() + 1 >= model.total();
            next.setText(model.isReviewing() ? (lastReview ? "Back to the result (Enter)" : "Next missed (Enter)")
                    : "Next question (Enter)");
            show(next, true);
            hint.setText(q.demonstrated() ? "W watches it in the engine · Enter goes on" : "Enter goes on");
        } else {
            hint.setText("Answer with 1-" + q.choices().size() + " or A-" + Question.letter(q.choices().size() - 1)
                    + ", or click a choice");
        }
        body.getChildren().setAll(nodes);
    }

    private void drawRoundDone() {
        int[] t = model.roundTally();
        String said = model.total() == 0 ? "No question of these domains in the bank."
                : "Round done: you have seen all " + model.total() + " questions of "
                        + (model.domains().isEmpty() ? "the bank" : "these domains") + ". This round: " + t[0]
                        + " right, " + t[1] + " missed. Another round asks them again, the missed first.";
        body.getChildren().setAll(wrapped(said, "practice-text"));
        next.setText("Another round (Enter)");
        show(next, model.total() > 0);
    }

    private void drawWatching(Question q) {
        Demonstration d = q.demonstration();
        List<Node> nodes = new ArrayList<>();
        heading.setText("Watch it");
        nodes.add(wrapped(d.scenario().name(), "practice-ask"));
        nodes.add(wrapped("Opened at " + ClockText.of(d.atMicros()) + " and playing (Space pauses, ← steps back).",
                "practice-small"));
        String shows = ExpectationWords.sentence(d.shows());
        Label watchFor = wrapped("Watch: at " + ClockText.of(d.atMicros()) + ", " + shows + ".", "practice-watch");
        watchFor.setId("practiceWatchText");
        nodes.add(watchFor);
        if (!d.highlight().isEmpty()) {
            nodes.add(wrapped("Spotlit in the picture: " + String.join(", ", d.highlight().stream()
                    .map(PracticePanel::elementWords).toList()), "practice-small"));
        }
        nodes.add(new Separator());
        nodes.add(wrapped("The question: " + q.ask(), "practice-small"));
        nodes.add(wrapped("The answer: " + Question.letter(q.answer()) + ". " + q.answerText(), "practice-text"));
        body.getChildren().setAll(nodes);
        show(back, true);
        back.setText("Back (Page Up)");
        next.setText(model.isReviewing() ? "Next missed (Enter)" : "Next question (Enter)");
        show(next, true);
        hint.setText("Page Up or Backspace: back to the question");
    }

    private void drawTimed() {
        Question q = model.question();
        TimedSet set = model.timed();
        heading.setText("Timed set: question " + (set.index() + 1) + " of " + set.size());
        tick();
        List<Node> nodes = new ArrayList<>();
        nodes.add(timedViews.clockLabel());
        nodes.addAll(questionNodes(q, null));
        body.getChildren().setAll(nodes);
        boolean last = set.index() + 1 >= set.size();
        next.setText(last ? "Finish (Enter)" : "Next (Enter)");
        next.setDisable(set.chosen() < 0);
        show(next, true);
        hint.setText(set.chosen() < 0 ? "Choose with 1-" + q.choices().size() + " or A-"
                + Question.letter(q.choices().size() - 1) + "; no feedback until the end"
                : "You may change your answer until you go on (Enter)");
    }

    private void tick() {
        if (model.timed() != null) {
            timedViews.updateClock();
        }
    }

    // =================================================================================================================
    // A question
    // =================================================================================================================

    /** The tags (with the question's standing in the record, if given), the question and its choices. */
    private List<Node> questionNodes(Question q, String standing) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(wrapped(tags(q) + (standing == null ? "" : " · " + standing), "practice-tags"));
        Label ask = wrapped(q.ask(), "practice-ask");
        ask.setId("practiceAsk");
        nodes.add(ask);
        VBox choices = new VBox(6);
        for (int i = 0; i < q.choices().size(); i++) {
            choices.getChildren().add(choiceButton(q, i));
        }
        nodes.add(choices);
        return nodes;
    }

    /** "Storage · SAA-C03 · SAP-C02 · demonstrated" (or "stated, not demonstrated"). */
    static String tags(Question q) {
        List<String> parts = new ArrayList<>();
        parts.add(q.domain().title());
        q.exams().stream().map(Exam::code).forEach(parts::add);
        parts.add(q.demonstrated() ? "▶ demonstrated" : "stated, not demonstrated");
        return String.join(" · ", parts);
    }

    private Button choiceButton(Question q, int i) {
        String text = Question.letter(i) + ". " + q.choices().get(i);
        Button b = new Button();
        b.getStyleClass().add("practice-choice");
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setFocusTraversable(false);
        int chosen = model.choice();
        if (model.answerShown()) {
            // right and wrong by a mark and words as well as colour (decision 0006)
            if (i == q.answer()) {
                b.getStyleClass().add(Styles.SUCCESS);
                text = "✓ " + text + (i == chosen ? "  (your answer)" : "");
            } else if (i == chosen) {
                b.getStyleClass().add(Styles.DANGER);
                text = "✗ " + text + "  (your answer)";
            }
        } else {
            if (model.mode() == Mode.TIMED && i == chosen) {
                b.getStyleClass().add("practice-chosen");
                text = "● " + text + "  (chosen)";
            }
            b.setOnAction(e -> model.answer(i));
        }
        b.setText(text);
        return b;
    }

    /** After an answer: the verdict, the explanation, what changed, the sources and what Watch it shows. */
    private VBox feedback(Question q, int chosen) {
        boolean right = q.isRight(chosen);
        VBox box = new VBox(8);
        box.getStyleClass().add("practice-feedback");
        Label verdict = wrapped(right ? "✓ Right: " + Question.letter(q.answer()) + "."
                : "✗ Not quite: you chose " + Question.letter(chosen) + "; the answer is "
                        + Question.letter(q.answer()) + ".", "practice-verdict");
        verdict.setId(VERDICT_ID);
        verdict.getStyleClass().add(right ? "practice-right" : "practice-wrong");
        box.getChildren().addAll(verdict, wrapped(q.explanation(), "practice-text"));
        q.whatChanged().ifPresent(c -> {
            Label changed = wrapped("What changed, and when: " + c, "practice-changed");
            changed.setId("practiceChanged");
            box.getChildren().add(changed);
        });
        Label sources = wrapped("Sources: " + String.join(" · ", q.sources()), "practice-small");
        sources.setTooltip(new Tooltip(String.join("\n", q.sources().stream().map(s -> {
            String tag = Sources.tagOf(s);
            return s + ": " + (tag == null ? "" : Sources.TAGS.get(tag));
        }).toList())));
        box.getChildren().add(sources);
        Label demo = q.shownBy().map(d -> wrapped("Watch it (W) shows this in the engine: at "
                + ClockText.of(d.atMicros()) + " in " + d.scenario().name() + ", " + ExpectationWords.sentence(
                        d.shows()) + ".", "practice-text"))
                .orElseGet(() -> wrapped("Stated, not demonstrated: the engine cannot show this one yet.",
                        "practice-small"));
        demo.setId("practiceDemo");
        box.getChildren().add(demo);
        return box;
    }

    /**
     * After an answer the feedback is what to read next: once the body is laid out with it (its height changes), the
     * column scrolls so the verdict sits at the top, the choices with their ✓ and ✗ just above it.
     */
    private void scrollToFeedback() {
        if (!feedbackToScrollTo || !(body.lookup(".practice-feedback") instanceof Region feedback)) {
            return;
        }
        double contentH = body.getHeight();
        double viewH = scroll.getViewportBounds().getHeight();
        // laid out with the feedback in it (until then the body may still have the question's height alone)
        if (feedback.getHeight() <= 0 || viewH <= 0 || feedback.getLayoutY() + feedback.getHeight() > contentH + 0.5) {
            return;
        }
        feedbackToScrollTo = false;
        if (contentH > viewH) {
            scroll.setVvalue(Math.min(1, feedback.getLayoutY() / (contentH - viewH)));
        }
    }

    // =================================================================================================================
    // Bits
    // =================================================================================================================

    private void syncDomains() {
        QuestionBank bank = model.bank();
        syncing = true;
        try {
            if (bank != domainsOf) {
                domainsOf = bank;
                List<Domain> present = new ArrayList<>();
                if (bank != null) {
                    bank.counts().stream().filter(c -> c.questions() > 0).forEach(c -> present.add(c.domain()));
                }
                domainBox.getCheckModel().clearChecks();
                domainBox.getItems().setAll(present);
            }
            Set<Domain> chosen = model.domains();
            for (Domain d : domainBox.getItems()) {
                boolean on = chosen.contains(d);
                if (domainBox.getCheckModel().isChecked(d) != on) {
                    if (on) {
                        domainBox.getCheckModel().check(d);
                    } else {
                        domainBox.getCheckModel().clearCheck(d);
                    }
                }
            }
            domainBox.setTitle(chosen.isEmpty() ? "All domains" : chosen.size() == 1
                    ? chosen.iterator().next().title() : chosen.size() + " domains");
        } finally {
            syncing = false;
        }
    }

    /** "instance:writer-1" as a learner reads it: "writer-1 (instance)". */
    private static String elementWords(String ref) {
        int colon = ref.indexOf(':');
        String kind = ref.substring(0, colon);
        String id = ref.substring(colon + 1);
        return switch (kind) {
            case "pg" -> "protection group " + id;
            case "az" -> "AZ " + id;
            case "region" -> "region " + id;
            case "segment" -> "copy " + id;
            case "node" -> "storage node " + id;
            default -> id;
        };
    }

    static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
