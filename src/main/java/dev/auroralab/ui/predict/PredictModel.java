package dev.auroralab.ui.predict;

import dev.auroralab.run.ClockText;
import dev.auroralab.run.Run;
import dev.auroralab.teach.NextChange;
import dev.auroralab.teach.PredictionPrompt;
import dev.auroralab.teach.SignificantChange;
import dev.auroralab.ui.Pacer;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.lesson.LessonModel;
import dev.auroralab.ui.practice.StudyRecords;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Predict, then observe, for the window: while it is on and the run plays, a look-ahead ({@link NextChange}) runs a
 * little ahead of the playhead on its grid, and the run never passes what it has cleared; at the last grid point
 * before a significant change the run pauses and asks "what happens next?" ({@link #promptProperty()}). An answer
 * (keys 1 to 4, or a click) is scored, recorded in the window's {@link StudyRecords} under the prompt's exam domain,
 * and the run plays the moment; the verdict stays up ({@link #verdictProperty()}) until the next prompt.
 *
 * <p><b>When it looks.</b> Inside the frame's engine budget, through the view model's {@link Pacer}: when the run
 * reaches the cleared point, the look-ahead goes on for at most {@link #SLICE_NANOS} of wall time or until it is
 * {@link #LEAD_MICROS} ahead, so its cost is spread over the frames and stays about that of the run itself (a copy of
 * the engine when a look starts: after each change, a seek, an action, a branch, a new scenario). Only while playing;
 * stepping, seeking and acting never ask (a prompt open then is withdrawn, unscored).
 *
 * <p>A lesson paces the run its own way: while one is open predicting waits, and resumes when it closes.
 */
public final class PredictModel {

    /** Wall time the look-ahead may take each time the run catches up with it (within the frame's budget). */
    public static final long SLICE_NANOS = 2_000_000;
    /** How far ahead of the playhead the look-ahead goes before it waits for the run. */
    static final long LEAD_MICROS = 2_000_000;

    /** What the learner answered, and whether it was right ({@code choice} -1: skipped, unscored). */
    public record Verdict(PredictionPrompt prompt, int choice, boolean right) {
        public boolean skipped() {
            return choice < 0;
        }
    }

    private final SimulationViewModel vm;
    private final LessonModel lessons;
    /** The window's study record, read when an answer is scored (practice mode may switch it to another file). */
    private final Supplier<StudyRecords> records;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyObjectWrapper<PredictionPrompt> prompt = new ReadOnlyObjectWrapper<>(this, "prompt");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyIntegerWrapper asked = new ReadOnlyIntegerWrapper(this, "asked");
    /** Right of {@link #askedProperty()} (the band redraws when that changes: they change together). */
    private int right;

    /** How far a look goes before it gives up and starts again from the present (tests shorten it). */
    long horizonMicros = NextChange.HORIZON_MICROS;
    private NextChange look;
    private Run lookRun;
    private dev.auroralab.run.Branch lookBranch;
    private int lookLog;
    /** After an answer: the change's moment, which the run plays to before looking again; -1 when none. */
    private long playingTo = -1;
    private Run installedOn;
    /** True while exam practice's column is open: it asks its own questions on the same keys, so predicting waits. */
    private ObservableBooleanValue practiceOpen = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper waitingFor = new ReadOnlyStringWrapper(this, "waitingFor");

    private final Pacer pacer = new Pacer() {
        @Override
        public long nextStopMicros() {
            return nextStop();
        }

        @Override
        public boolean stopHere() {
            return atStop();
        }
    };

    public PredictModel(SimulationViewModel vm, LessonModel lessons, Supplier<StudyRecords> records) {
        this.vm = vm;
        this.lessons = lessons;
        this.records = records;
        on.addListener((o, a, b) -> switched(b));
        // a new run (a scenario opened, a restart) drops the pacer: put it back; and withdraw a question the run left
        vm.snapshotProperty().addListener((o, a, s) -> follow());
        lessons.playerProperty().addListener((o, a, p) -> held());
        held();
    }

    /**
     * Predicting waits while {@code open} is true (exam practice's column: two questions at once would share keys 1
     * to 4 and the learner's attention) and starts again where the run is when it turns false.
     */
    public void waitWhilePractising(ObservableBooleanValue open) {
        practiceOpen = open;
        open.addListener((o, a, b) -> held());
        held();
    }

    /** On or off (P, the View menu, the band's button). */
    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    public void toggle() {
        on.set(!on.get());
    }

    /** The question waiting for an answer (the run paused just before its change), or null. */
    public ReadOnlyObjectProperty<PredictionPrompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** The last answer's verdict, shown while the moment plays, until the next question; null when none. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Predictions answered in this window (skips not counted). */
    public ReadOnlyIntegerProperty askedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** "predictions: 3 of 4" (right of answered), as the band shows it. */
    public String score() {
        return "predictions: " + right + " of " + asked.get();
    }

    /** What predicting waits for: "the lesson", "practice", or null when it does not wait. */
    public ReadOnlyStringProperty waitingForProperty() {
        return waitingFor.getReadOnlyProperty();
    }

    private boolean waiting() {
        return lessons.isOpen() || practiceOpen.get();
    }

    /** A lesson or practice opened or closed: step aside (the lesson's pacer stays) or start looking again. */
    private void held() {
        waitingFor.set(lessons.isOpen() ? "the lesson" : practiceOpen.get() ? "practice" : null);
        if (waiting()) {
            reset();
            if (on.get() && !lessons.isOpen() && installedOn != null) {
                vm.setPacer(null);
            }
            installedOn = null;
        } else {
            install();
        }
    }

    /**
     * Answers the waiting question with choice {@code index} (0-based): scores it, records it under its domain, shows
     * the verdict and plays the moment. Nothing happens when no question waits or the index is not a choice.
     */
    public void answer(int index) {
        PredictionPrompt p = prompt.get();
        if (p == null || index < 0 || index >= p.choices().size()) {
            return;
        }
        boolean ok = p.isRight(index);
        right += ok ? 1 : 0; // before asked: the band redraws on asked and reads both
        asked.set(asked.get() + 1);
        records.get().predicted(p.domain(), ok);
        close(new Verdict(p, index, ok));
        vm.tell((ok ? "✓ Right: " : "✗ Not this time: ") + p.right().text() + " (" + score() + ")");
    }

    /** Lets the moment play without an answer (nothing is scored). */
    public void skip() {
        PredictionPrompt p = prompt.get();
        if (p != null) {
            close(new Verdict(p, -1, false));
            vm.tell("Skipped: " + p.right().text());
        }
    }

    private void close(Verdict v) {
        playingTo = v.prompt().change().atMicros();
        prompt.set(null);
        verdict.set(v);
        vm.play();
    }

    // =================================================================================================================
    // Pacing
    // =================================================================================================================

    private long nextStop() {
        if (prompt.get() != null) {
            return prompt.get().change().stopMicros(); // hold there until answered
        }
        if (playingTo >= 0) {
            return playingTo;
        }
        ensureLook();
        SignificantChange c = look.change();
        return c != null ? c.stopMicros() : look.clearedMicros();
    }

    private boolean atStop() {
        Run run = vm.run();
        long now = run.nowMicros();
        if (prompt.get() != null) {
            return true;
        }
        if (playingTo >= 0) {
            if (now >= playingTo) {
                playingTo = -1;
                look = null; // the change has happened: the next look starts from it
            }
            return false;
        }
        ensureLook();
        SignificantChange c = look.change();
        if (c != null && now == c.stopMicros()) {
            // the last verdict stays: a change right after the last one is asked at once, and the band shows both
            prompt.set(PredictionPrompt.of(c, run.snapshot(), run.seed()));
            vm.tell("Predict, then observe: what happens next? (1 to " + prompt.get().choices().size()
                    + " to answer, t = " + ClockText.of(now) + ")");
            return true;
        }
        long deadline = System.nanoTime() + SLICE_NANOS;
        while (!look.done() && look.clearedMicros() < now + LEAD_MICROS && System.nanoTime() < deadline) {
            look.lookFurther(1);
        }
        if (look.done() && look.change() == null) {
            look = null; // nothing within the horizon: look again from wherever the run is next
        }
        return false;
    }

    /**
     * A look from the run's present, unless the one held still describes this run, branch and moment (an action, which
     * changes the log, drops it in {@link #follow()}: asked every millisecond of a frame, this allocates nothing).
     */
    private void ensureLook() {
        Run run = vm.run();
        long now = run.nowMicros();
        if (look != null && lookRun == run && lookBranch == run.branch() && now >= look.startMicros()
                && now <= look.clearedMicros()) {
            return;
        }
        look = new NextChange(run.lookAhead(), horizonMicros);
        lookRun = run;
        lookBranch = run.branch();
        lookLog = run.branch().log().size();
    }

    // =================================================================================================================
    // Following the window
    // =================================================================================================================

    private void switched(boolean nowOn) {
        reset();
        verdict.set(null);
        if (nowOn) {
            install();
            vm.tell(waiting() ? "Predict, then observe: on once " + waitingFor.get() + " is closed"
                    : "Predict, then observe: on. Play, and the run stops before each significant change (P turns it"
                            + " off)");
        } else {
            if (!lessons.isOpen()) {
                vm.setPacer(null);
            }
            installedOn = null;
            vm.tell("Predict, then observe: off (" + score() + ")");
        }
    }

    private void install() {
        if (on.get() && !waiting()) {
            vm.setPacer(pacer);
            installedOn = vm.run();
        }
    }

    /** Forgets the look and any open question (unscored). */
    private void reset() {
        look = null;
        playingTo = -1;
        prompt.set(null);
    }

    private void follow() {
        if (!on.get()) {
            return;
        }
        Run run = vm.run();
        if (run != installedOn) {
            reset();
            verdict.set(null);
            install();
            return;
        }
        PredictionPrompt p = prompt.get();
        boolean sameFuture = lookRun == run && lookBranch == run.branch() && lookLog == run.branch().log().size();
        if (!sameFuture) {
            look = null; // an action or another branch: the future looked at is not this one
        }
        if (p != null && (run.nowMicros() != p.change().stopMicros() || !sameFuture)) {
            prompt.set(null); // stepped, sought, acted or branched: the question no longer stands
            look = null;
            playingTo = -1;
            vm.tell("The prediction was withdrawn: the run left its moment (press Space to go on predicting)");
        }
        Verdict v = verdict.get();
        if (playingTo >= 0 && (run.nowMicros() > playingTo || !sameFuture
                || v != null && run.nowMicros() < v.prompt().change().stopMicros())) {
            playingTo = -1; // the learner moved the run: look again from wherever it is
        }
    }
}
