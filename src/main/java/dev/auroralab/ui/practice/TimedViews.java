package dev.auroralab.ui.practice;

import static dev.auroralab.ui.practice.PracticePanel.wrapped;

import atlantafx.base.theme.Styles;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.Scorecard;
import dev.auroralab.exam.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The timed set's own parts of the practice column: its setup (how many questions, of which domains), the clock
 * while it runs, and its result: the score overall and per domain, and the missed questions, each a button that
 * reviews it with its explanation and Watch it.
 */
final class TimedViews {

    static final String CLOCK_ID = "practiceClock";
    static final String SCORE_ID = "practiceScore";
    static final String MISSED_STYLE = "practice-missed";

    private final PracticeModel model;
    private final Label clock = new Label();

    TimedViews(PracticeModel model) {
        this.model = model;
        clock.setId(CLOCK_ID);
        clock.getStyleClass().add("practice-clock");
        clock.setWrapText(true);
        clock.setMinHeight(Region.USE_PREF_SIZE);
        clock.setTooltip(new Tooltip("Wall-clock time since the set began. The pace is the associate exams': 65"
                + " questions in 130 minutes, two minutes a question. The set never ends by itself."));
    }

    /** How many questions, from which pool, and what a set is. */
    List<Node> setup() {
        List<Node> nodes = new ArrayList<>();
        int pool = model.pool().size();
        nodes.add(wrapped("A set of questions against the clock, as in the exam: no feedback until the end, then your"
                + " score per domain and the questions you missed, to review with their explanations and Watch it.",
                "practice-text"));
        Spinner<Integer> count = new Spinner<>(1, Math.max(1, pool), Math.min(model.timedCount(), Math.max(1, pool)));
        count.setId("practiceCount");
        count.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        count.setEditable(false);
        count.setFocusTraversable(false);
        count.valueProperty().addListener((o, a, b) -> model.setTimedCount(b));
        model.setTimedCount(count.getValue());
        Label countLabel = new Label("Questions");
        countLabel.getStyleClass().add("practice-text");
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, countLabel, count);
        row.setAlignment(Pos.CENTER_LEFT);
        nodes.add(row);
        nodes.add(wrapped("Drawn from " + pool + " question" + (pool == 1 ? "" : "s") + " of "
                + (model.domains().isEmpty() ? "every domain" : "the domains chosen above")
                + ": the ones due first, then new ones.", "practice-small"));
        nodes.add(wrapped("You may change an answer until you go on (Enter); there is no going back. The clock"
                + " counts up against the exam's pace of two minutes a question (SAA-C03: 65 questions in 130"
                + " minutes, AWS exam guide).", "practice-small"));
        return nodes;
    }

    /** The clock's line, updated every second while the set runs. */
    Label clockLabel() {
        updateClock();
        return clock;
    }

    void updateClock() {
        TimedSet set = model.timed();
        if (set == null) {
            return;
        }
        long elapsed = model.timedElapsedNanos();
        // no stopwatch glyph: the fonts a classroom machine has may not draw it
        clock.setText("Clock " + TimedSet.clock(elapsed) + " · exam pace " + TimedSet.clock(set.paceNanos())
                + " for " + set.size() + (elapsed > set.paceNanos() ? " (over it)" : ""));
    }

    /** The score, per domain, and the missed questions to review. */
    List<Node> result() {
        List<Node> nodes = new ArrayList<>();
        TimedSet set = model.timed();
        Scorecard card = set.scorecard();
        Tally total = card.total();
        long elapsed = model.timedElapsedNanos();
        Label score = wrapped(total.right() + " of " + total.asked() + " right (" + percent(total) + ") in "
                + TimedSet.clock(elapsed), "practice-score");
        score.setId(SCORE_ID);
        nodes.add(score);
        nodes.add(wrapped(elapsed <= set.paceNanos() ? "Within the exam's pace (" + TimedSet.clock(set.paceNanos())
                + " for " + set.size() + ")." : "Over the exam's pace (" + TimedSet.clock(set.paceNanos()) + " for "
                + set.size() + ").", "practice-small"));

        nodes.add(wrapped("By domain", "practice-ask"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getStyleClass().add("practice-domains");
        int row = 0;
        for (Map.Entry<Domain, Tally> e : card.byDomain().entrySet()) {
            Tally t = e.getValue();
            Label name = wrapped(e.getKey().title(), "practice-text");
            GridPane.setHgrow(name, Priority.ALWAYS);
            Label got = new Label(t.right() + " of " + t.asked());
            Label pct = new Label(percent(t));
            for (Label l : new Label[] {got, pct}) {
                l.getStyleClass().add("practice-text");
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            got.setId("practiceDomain-" + e.getKey().word());
            grid.addRow(row++, name, got, pct);
        }
        nodes.add(grid);

        List<Scorecard.Answer> missed = model.missed();
        if (missed.isEmpty()) {
            nodes.add(wrapped("✓ Nothing missed.", "practice-ask"));
        } else {
            nodes.add(wrapped("Missed (" + missed.size() + "): click one to review it", "practice-ask"));
            for (int i = 0; i < missed.size(); i++) {
                Scorecard.Answer a = missed.get(i);
                Question q = a.question();
                int at = i;
                Button b = new Button("✗ " + shortAsk(q.ask()) + "\nYou chose " + Question.letter(a.choice())
                        + "; the answer is " + Question.letter(q.answer()) + " · " + q.domain().title());
                b.getStyleClass().addAll("practice-choice", MISSED_STYLE);
                b.setWrapText(true);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setMinHeight(Region.USE_PREF_SIZE);
                b.setAlignment(Pos.CENTER_LEFT);
                b.setFocusTraversable(false);
                b.setOnAction(e -> model.review(at));
                nodes.add(b);
            }
        }
        Button again = new Button("New timed set");
        again.setOnAction(e -> model.openTimedSetup());
        Button practice = new Button("Practice questions");
        practice.setOnAction(e -> model.openPractice());
        for (Button b : new Button[] {again, practice}) {
            b.getStyleClass().addAll(Styles.FLAT, "practice-button");
            b.setFocusTraversable(false);
        }
        HBox more = new HBox(8, again, practice);
        more.setAlignment(Pos.CENTER_LEFT);
        nodes.add(more);
        return nodes;
    }

    private static String percent(Tally t) {
        return t.asked() == 0 ? "–" : String.format(Locale.ROOT, "%d %%", Math.round(100.0 * t.right() / t.asked()));
    }

    /** The question's first sentence or so, for the list of missed ones (the review shows it whole). */
    static String shortAsk(String ask) {
        String a = ask.replaceAll("\\s+", " ").strip();
        return a.length() <= 110 ? a : a.substring(0, a.lastIndexOf(' ', 108)) + " …";
    }
}
