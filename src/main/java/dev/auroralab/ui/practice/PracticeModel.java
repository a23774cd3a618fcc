package dev.auroralab.ui.practice;

import dev.auroralab.exam.Demonstration;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.exam.Scorecard;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.exam.Tally;
import dev.auroralab.run.ClockText;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.lesson.LessonModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Exam practice in the window (issue 15): what the practice column shows and every command it and the keys give.
 *
 * <p><b>Practice</b> asks one question at a time in the learner's {@link StudyRecord} order (due first, then new,
 * then the rest), optionally of some domains only; an answer is recorded at once and the explanation, its sources,
 * what changed and when, and for a demonstrated question <b>Watch it</b> follow. Watch it opens the demonstration's
 * scenario at its moment, playing, with its elements spotlit; Back returns to the question (the scenario stays).
 * <b>A timed set</b> asks N questions against the clock with no feedback until the end, then shows the score per
 * domain and the questions missed, each reviewed here with its explanation and Watch it.
 *
 * <p>A session of the record starts when practice opens (from the menu or its keys) and when a timed set starts;
 * watching, going back, changing the domains and reviewing a set's misses happen within one (decision 0028).
 */
public final class PracticeModel {

    /** What the column is doing. */
    public enum Mode { CLOSED, PRACTICE, TIMED_SETUP, TIMED, RESULT }

    private final SimulationViewModel vm;
    private LongSupplier nanoClock;
    private StudyRecords records;
    private QuestionBank bank;
    private String bankProblem;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CLOSED);
    /** Bumped whenever what the column shows changes: the panel redraws on it. */
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<List<Selection>> spotlight = new ReadOnlyObjectWrapper<>(List.of());
    private final List<String> notices = new ArrayList<>();
    private final Set<Domain> domains = EnumSet.noneOf(Domain.class);

    // practice: the round's questions in the record's order, where we are, and the answer given to the current one
    private List<Question> queue = List.of();
    private int index;
    private int choice = -1;
    private int roundRight;
    private int roundMissed;
    private boolean watching;
    /** The view model's load count of the demonstration watched: another scenario opened ends the spotlight. */
    private int watchLoad = -1;
    /** A timed set's misses being reviewed (each shown with the answer given), or null. */
    private List<Scorecard.Answer> review;

    // timed sets
    private TimedSet timed;
    private int timedCount = TimedSet.DEFAULT_COUNT;

    /** Over the user's record in the configuration folder; the window's clock for timed sets. */
    public PracticeModel(SimulationViewModel vm) {
        this(vm, System::nanoTime);
    }

    /** @param nanoClock the wall clock a timed set is timed by (tests give their own) */
    public PracticeModel(SimulationViewModel vm, LongSupplier nanoClock) {
        this.vm = vm;
        this.nanoClock = nanoClock;
        this.records = new StudyRecords(this::notice);
        // another scenario opened (the menu, a file, a lesson): the demonstration's spotlight goes with it
        vm.loadsProperty().addListener((o, a, b) -> {
            if (watchLoad >= 0 && b.intValue() != watchLoad) {
                watchLoad = -1;
                spotlight.set(List.of());
                if (watching) {
                    watching = false;
                    changed();
                }
            }
        });
    }

    // =================================================================================================================
    // What the column and the rest of the window read
    // =================================================================================================================

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public Mode mode() {
        return mode.get();
    }

    public boolean isOpen() {
        return mode.get() != Mode.CLOSED;
    }

    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** The demonstration's elements while it is the scenario shown (the topology dims the rest). */
    public ReadOnlyObjectProperty<List<Selection>> spotlightProperty() {
        return spotlight.getReadOnlyProperty();
    }

    /** The learner's record (the window's one: predict-then-observe records here too). */
    public StudyRecords records() {
        return records;
    }

    /** Notices of this window so far (a record that could not be read or saved), oldest first. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** The bank practised from, or null when it could not be read ({@link #bankProblem()} says why). */
    public QuestionBank bank() {
        ensureBank();
        return bank;
    }

    public String bankProblem() {
        ensureBank();
        return bankProblem;
    }

    /** The domains chosen; empty means every domain. */
    public Set<Domain> domains() {
        return Set.copyOf(domains);
    }

    /** The question on screen (practice, review or timed), or null (a round done, the set's setup or result). */
    public Question question() {
        return switch (mode.get()) {
            case PRACTICE -> review != null ? review.get(index).question()
                    : index < queue.size() ? queue.get(index) : null;
            case TIMED -> timed.current();
            default -> null;
        };
    }

    /** The choice given to the question on screen (0-based), -1 while none. */
    public int choice() {
        return switch (mode.get()) {
            case PRACTICE -> review != null ? review.get(index).choice() : choice;
            case TIMED -> timed.chosen();
            default -> -1;
        };
    }

    /** Whether the answer is shown: practice after an answer, and every question under review. */
    public boolean answerShown() {
        return mode.get() == Mode.PRACTICE && question() != null && choice() >= 0;
    }

    public boolean isWatching() {
        return watching;
    }

    public boolean isReviewing() {
        return review != null;
    }

    /** Where the question on screen stands: its position and, in practice, its place in the record. */
    public int position() {
        return mode.get() == Mode.TIMED ? timed.index() : index;
    }

    /** How many questions the round, the review or the set has. */
    public int total() {
        return mode.get() == Mode.TIMED || mode.get() == Mode.RESULT ? timed.size()
                : review != null ? review.size() : queue.size();
    }

    /** This round's tally of practice answers: right, missed. */
    public int[] roundTally() {
        return new int[] {roundRight, roundMissed};
    }

    /** The timed set under way or done, or null. */
    TimedSet timed() {
        return timed;
    }

    public Scorecard scorecard() {
        return timed == null ? null : timed.scorecard();
    }

    /** The set's missed answers, in the order asked (empty before a set). */
    public List<Scorecard.Answer> missed() {
        return timed == null ? List.of() : timed.missed();
    }

    public int timedCount() {
        return timedCount;
    }

    public void setTimedCount(int n) {
        timedCount = Math.max(1, n);
    }

    /** Time on the set's clock, in wall nanoseconds. */
    public long timedElapsedNanos() {
        return timed == null ? 0 : timed.elapsedNanos(nanoClock.getAsLong());
    }

    /** The questions of the chosen domains, in bank order (every question when no domain is chosen). */
    public List<Question> pool() {
        QuestionBank b = bank();
        if (b == null) {
            return List.of();
        }
        return domains.isEmpty() ? b.questions()
                : b.questions().stream().filter(q -> domains.contains(q.domain())).toList();
    }

    private static final char NO_BREAK = '\u00a0';

    /**
     * "3 due · 9 new · box 1: 2 · box 2: 1 · session 4": where the chosen domains' questions stand (each part's spaces
     * are no-break spaces).
     */
    public String countsText() {
        List<Question> pool = pool();
        if (pool.isEmpty()) {
            return "";
        }
        StudyRecord r = records.record();
        int[] boxes = r.boxCounts(pool);
        List<String> parts = new ArrayList<>();
        parts.add(r.dueCount(pool) + " due");
        parts.add(boxes[0] + " new");
        for (int b = 1; b < boxes.length; b++) {
            if (boxes[b] > 0) {
                parts.add("box " + b + ": " + boxes[b]);
            }
        }
        parts.add("session " + r.session());
        // a narrow column wraps between the parts, never inside one ("session" above its number reads as two things)
        return String.join(" · ", parts.stream().map(p -> p.replace(' ', NO_BREAK)).toList());
    }

    /** "due (box 1)", "new" or "box 3": where the question stands in the record now. */
    public String standing(Question q) {
        StudyRecord r = records.record();
        StudyRecord.Card c = r.card(q.id());
        return c == null ? "new" : (r.isDue(q.id()) ? "due, " : "") + "box " + c.box();
    }

    // =================================================================================================================
    // Setting up (the window, the screenshot command, tests)
    // =================================================================================================================

    /** Practises from this bank instead of the built-in one (a teacher's file, a test's). */
    public void useBank(QuestionBank b) {
        bank = b;
        bankProblem = null;
        domains.clear();
        if (mode.get() == Mode.PRACTICE && review == null) {
            newRound();
        }
        changed();
    }

    /**
     * Practises from a question bank file: read, then checked by running every demonstration (a bank that says what
     * the engine does not show never reaches the learner), then opened. On any problem nothing changes.
     *
     * @throws ScenarioError the reader's located message, or the first question whose demonstration fails
     */
    public void practiseFrom(Path file) throws ScenarioError {
        useBank(dev.auroralab.run.DemonstrationCheck.readShownByTheEngine(file));
        openPractice();
    }

    /** Records into this file instead of the user's (tests, the screenshot command: never the learner's record). */
    public void useRecordFile(Path file) {
        records = new StudyRecords(file, this::notice);
        changed();
    }

    /** Times sets by this clock instead of the wall's (tests; the screenshot command's set of known length). */
    public void useClock(LongSupplier clockNanos) {
        nanoClock = clockNanos;
    }

    private void ensureBank() {
        if (bank == null && bankProblem == null) {
            try {
                bank = QuestionBankReader.builtIn();
            } catch (ScenarioError e) {
                bankProblem = e.getMessage();
            }
        }
    }

    private void notice(String message) {
        notices.add(message);
        vm.tell(message);
        changed();
    }

    // =================================================================================================================
    // Commands
    // =================================================================================================================

    /** Opens practice: a new session of the record, questions in its order. Already practising: back to the question. */
    public void openPractice() {
        if (mode.get() == Mode.PRACTICE && review == null) {
            watching = false;
            changed();
            return;
        }
        review = null;
        timed = null;
        if (bank() != null) {
            records.startSession();
        }
        newRound();
        mode.set(Mode.PRACTICE);
        vm.tell(bank() == null ? "Practice: the question bank could not be read (the column says why)"
                : "Practice: answer with 1-4 or A-D, Enter goes on; " + countsText());
        changed();
    }

    /** Opens practice at one question (a deep link, the screenshot command): it comes first, then the record's order. */
    public boolean openPractice(String questionId) {
        Question q = bank() == null ? null : bank.byId(questionId).orElse(null);
        if (q == null) {
            return false;
        }
        domains.clear();
        openPractice();
        List<Question> round = new ArrayList<>(queue);
        round.remove(q);
        round.add(0, q);
        queue = List.copyOf(round);
        index = 0;
        changed();
        return true;
    }

    /** Shows the timed set's setup: how many questions, which domains. */
    public void openTimedSetup() {
        timed = null;
        enter(Mode.TIMED_SETUP);
        changed();
    }

    /** Starts a timed set of {@link #timedCount()} questions of the chosen domains: a session of its own. */
    public void startTimed() {
        List<Question> pool = pool();
        if (pool.isEmpty()) {
            return;
        }
        int session = records.startSession();
        timed = new TimedSet(TimedSet.pick(records.record(), pool, timedCount, session), nanoClock.getAsLong());
        enter(Mode.TIMED);
        vm.tell("Timed set: " + timed.size() + " questions, no feedback until the end. 1-4 or A-D choose (you can"
                + " change it), Enter goes on");
        changed();
    }

    /** Answers the question on screen with choice {@code c} (0-based); in a timed set, chooses it (changeable). */
    public boolean answer(int c) {
        Question q = question();
        if (q == null || watching || c < 0 || c >= q.choices().size()) {
            return false;
        }
        if (mode.get() == Mode.TIMED) {
            timed.choose(c);
            changed();
            return true;
        }
        if (review != null || choice >= 0) {
            return false;
        }
        choice = c;
        boolean right = q.isRight(c);
        if (right) {
            roundRight++;
        } else {
            roundMissed++;
        }
        records.answered(q, right);
        vm.tell((right ? "✓ Right" : "✗ Not quite: the answer is " + Question.letter(q.answer())) + ". "
                + (q.demonstrated() ? "W: watch it in the engine; " : "") + "Enter: next question");
        changed();
        return true;
    }

    /** Enter: goes on to the next question (or the next round, the set's next question, its result, the review). */
    public void next() {
        switch (mode.get()) {
            case PRACTICE -> nextInPractice();
            case TIMED_SETUP -> startTimed();
            case TIMED -> {
                Question q = timed.current();
                Scorecard.Answer a = timed.moveOn(nanoClock.getAsLong());
                if (a == null) {
                    vm.tell("Choose an answer first: 1-4 or A-D");
                    return;
                }
                records.answered(q, a.right());
                if (timed.finished()) {
                    Tally t = timed.scorecard().total();
                    mode.set(Mode.RESULT);
                    vm.tell("Timed set done: " + t.right() + " of " + t.asked() + " right in "
                            + TimedSet.clock(timed.elapsedNanos(nanoClock.getAsLong())));
                }
                changed();
            }
            case RESULT -> {
                if (!missed().isEmpty()) {
                    review(0);
                }
            }
            default -> {
            }
        }
    }

    private void nextInPractice() {
        watching = false;
        spotlight.set(List.of());
        if (review != null) {
            if (index + 1 < review.size()) {
                index++;
            } else {
                backToResult();
                return;
            }
        } else if (index >= queue.size()) {
            newRound();
        } else if (choice < 0) {
            vm.tell("Answer first: 1-4 or A-D (or click a choice)");
            return;
        } else {
            index++;
            choice = -1;
        }
        changed();
    }

    /** A new round: the chosen domains' questions in the record's order now (missed ones of this session last). */
    private void newRound() {
        queue = records.record().order(pool());
        index = 0;
        choice = -1;
        roundRight = 0;
        roundMissed = 0;
        watching = false;
        spotlight.set(List.of());
    }

    /** Practises (or sets up a timed set for) these domains only; none: every domain. A new round starts. */
    public void setDomains(Set<Domain> chosen) {
        if (domains.equals(chosen)) {
            return;
        }
        domains.clear();
        domains.addAll(chosen);
        if (mode.get() == Mode.PRACTICE && review == null) {
            newRound();
        }
        changed();
    }

    /**
     * Watch it: opens the question's demonstration at its moment, playing, with its elements spotlit. False for a
     * question the engine does not demonstrate, or before it is answered (the picture would give the answer away).
     */
    public boolean watch() {
        Question q = question();
        if (mode.get() != Mode.PRACTICE || q == null || !q.demonstrated() || choice() < 0) {
            return false;
        }
        Demonstration d = q.demonstration();
        vm.load(d.scenario());
        watchLoad = vm.loadsProperty().get();
        vm.seek(d.atMicros());
        spotlight.set(LessonModel.selections(d.highlight(), vm.snapshot()));
        watching = true;
        vm.play();
        vm.tell("Watch it: " + d.scenario().name() + " from " + ClockText.of(d.atMicros()) + ", playing (Space"
                + " pauses). Page Up or Backspace: back to the question");
        changed();
        return true;
    }

    /** Back to the question from Watch it; the demonstration stays open, paused where it got to. */
    public void backToQuestion() {
        if (!watching) {
            return;
        }
        watching = false;
        vm.pause();
        vm.tell("Back to the question; the demonstration is paused at " + ClockText.of(vm.nowMicros()));
        changed();
    }

    /** Reviews the set's missed question {@code i} (and the next ones on Enter), as practice shows an answer. */
    public void review(int i) {
        List<Scorecard.Answer> m = missed();
        if (i < 0 || i >= m.size()) {
            return;
        }
        review = m;
        index = i;
        watching = false;
        mode.set(Mode.PRACTICE);
        changed();
    }

    /** Leaves a review for the set's result. */
    public void backToResult() {
        if (timed == null || !timed.finished()) {
            return;
        }
        enter(Mode.RESULT);
        changed();
    }

    /** Closes the column; the run stays as it is. */
    public void close() {
        if (mode.get() == Mode.CLOSED) {
            return;
        }
        timed = null;
        enter(Mode.CLOSED);
        changed();
    }

    /** Leaves whatever was shown (a review, Watch it and its spotlight) for {@code m}. */
    private void enter(Mode m) {
        watching = false;
        review = null;
        spotlight.set(List.of());
        mode.set(m);
    }

    /** Says something in the status line (the keys' hints). */
    void say(String message) {
        vm.tell(message);
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }
}
