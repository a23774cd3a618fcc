package dev.auroralab.run;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.scenario.ExpectationCheck;
import dev.auroralab.scenario.Lesson;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a {@link Run} through a lesson's steps: starts each step (its actions become the learner's actions in the
 * run's log), says when the run should stop to look at the step's end, and moves on, back and to any step. The
 * window drives it frame by frame; the command line's {@code run LESSON} and a deep link drive it headless with
 * {@link #finishStepHeadless()}.
 *
 * <p>Determinism: a step starts 1 µs after the moment the previous one ended, so a step's actions never share an
 * instant with the previous step's (Back seeks to a step's start and must not see the next step's actions), and a
 * condition is looked at only every {@link Lesson.End.When#CHECK_MICROS}, never per frame. So a lesson taken with
 * Continue alone reaches the same moments on every run, in the window and headless.
 *
 * <p>Back seeks the run to the previous step's start (the timeline's keyframes make that fast); Continue after Back
 * returns to the moment the lesson went on before, by the same log, unless the learner acted and so started a branch.
 */
public final class LessonPlayer {

    /** Where the current step stands. */
    public enum Status {
        /** The step's end has not come yet: the run should play. */
        RUNNING,
        /** The step waits for Continue: the run should be paused. */
        WAITING,
        /** The last step is done. */
        FINISHED
    }

    private final Lesson lesson;
    private final Run run;
    private int index = -1;
    private Status status = Status.WAITING;
    /** Start of each step reached so far on {@link #startsBranch}. */
    private final List<Long> starts = new ArrayList<>();
    private Branch startsBranch;
    /** Actions of the current step the engine refused, with why: a lesson's run reports them. */
    private final List<String> refused = new ArrayList<>();
    /** Set when the step's condition did not hold within its time; the step then waits for Continue. */
    private String timedOut;
    /** The last moment the step's condition was looked at: each check point is looked at once. */
    private long checkedMicros = -1;

    /** A player over {@code run}, which must run the lesson's scenario from its start. Call {@link #begin}. */
    public LessonPlayer(Lesson lesson, Run run) {
        this.lesson = lesson;
        this.run = run;
    }

    public Lesson lesson() {
        return lesson;
    }

    public Run run() {
        return run;
    }

    /** The current step's index, or -1 before {@link #begin}. */
    public int index() {
        return index;
    }

    public Lesson.Step step() {
        return lesson.steps().get(Math.max(0, index));
    }

    public Status status() {
        return status;
    }

    /** When the current step started (simulated µs). */
    public long stepStartMicros() {
        return starts.get(index);
    }

    /** The actions of the current step the engine refused ("fail AZ us-east-1c: the AZ is already out"). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /**
     * The speed the window should play at now: the step's own ({@code speed: 50}) while the step plays, empty while
     * it waits for Continue, after the lesson or when the step leaves the speed to the learner. Headless runs never
     * look: they are not driven by the wall clock.
     */
    public java.util.OptionalDouble playSpeed() {
        Double speed = step().speed();
        return status == Status.RUNNING && speed != null ? java.util.OptionalDouble.of(speed)
                : java.util.OptionalDouble.empty();
    }

    /** Why the current step's condition is not met in time, or null. */
    public String timedOut() {
        return timedOut;
    }

    /**
     * Opens the lesson at step {@code i}: the steps before it are taken headless, each to its end, as Continue would
     * (a deep link); then step {@code i} starts.
     *
     * @throws IllegalArgumentException when {@code i} is not a step of the lesson
     */
    public void begin(int i) {
        if (i < 0 || i >= lesson.steps().size()) {
            throw new IllegalArgumentException("lesson '" + lesson.id() + "' has steps 0 to "
                    + (lesson.steps().size() - 1) + ", not " + i);
        }
        if (index < 0) {
            startStep(0);
        }
        goTo(i);
    }

    /** Goes to step {@code i}: back by seeking to its start, forward by taking the steps between headless. */
    public void goTo(int i) {
        if (i <= index) {
            rewindTo(i);
            return;
        }
        while (index < i) {
            finishStepHeadless();
            next();
        }
    }

    /**
     * The next moment the run must stop at so the step's end is seen exactly: the end time, the next condition check,
     * or {@link Long#MAX_VALUE} when the step waits for Continue.
     */
    public long nextStopMicros() {
        if (status != Status.RUNNING) {
            return Long.MAX_VALUE;
        }
        long now = run.nowMicros();
        Lesson.End end = step().end();
        if (end instanceof Lesson.End.At at) {
            return Math.max(at.atMicros(), now);
        }
        if (end instanceof Lesson.End.After after) {
            return stepStartMicros() + after.afterMicros();
        }
        long check = Lesson.End.When.CHECK_MICROS;
        return now % check == 0 && now != checkedMicros ? now : (now / check + 1) * check;
    }

    /**
     * Looks at the step's end now; call when the run stands at {@link #nextStopMicros()} (or later). Returns true
     * when the step ended (or its condition ran out of time): it now waits, and the caller pauses the run, or calls
     * {@link #next()} when {@link #goesOnByItself()}.
     */
    public boolean poll() {
        if (status != Status.RUNNING) {
            return false;
        }
        long now = run.nowMicros();
        Lesson.End end = step().end();
        boolean ended;
        if (end instanceof Lesson.End.At at) {
            ended = now >= at.atMicros();
        } else if (end instanceof Lesson.End.After after) {
            ended = now >= stepStartMicros() + after.afterMicros();
        } else {
            Lesson.End.When when = (Lesson.End.When) end;
            if (now % Lesson.End.When.CHECK_MICROS != 0 || now == checkedMicros) {
                return false;
            }
            checkedMicros = now;
            ended = ExpectationCheck.check(when.condition(), run.snapshot()).passed();
            if (!ended && now - stepStartMicros() >= when.withinMicros()) {
                timedOut = "'" + when.text() + "' did not hold within "
                        + ClockText.of(when.withinMicros()) + " of the step's start (" + ClockText.of(
                                stepStartMicros()) + ")";
                status = Status.WAITING;
                return true;
            }
        }
        if (!ended) {
            return false;
        }
        status = Status.WAITING;
        return true;
    }

    /**
     * Whether the step has ended and the next one should start without waiting for Continue ({@code pause: false}):
     * the window then calls {@link #next()} and keeps playing.
     */
    public boolean goesOnByItself() {
        return status == Status.WAITING && !step().pause() && timedOut == null
                && !(step().end() instanceof Lesson.End.OnContinue);
    }

    /** Continue: the next step starts (or the lesson finishes after its last). */
    public void next() {
        if (index < 0) {
            startStep(0);
            return;
        }
        if (index == lesson.steps().size() - 1) {
            status = Status.FINISHED;
            return;
        }
        int n = index + 1;
        if (starts.size() > n && run.branch() == startsBranch) {
            // this step was reached before on this branch: go back to that moment by the same log
            long t = starts.get(n);
            if (run.nowMicros() <= t) {
                run.playTo(t);
            } else {
                run.seek(t);
            }
            enter(n);
            return;
        }
        startStep(n);
    }

    /** Back: to the start of the previous step (of this one, at the first). */
    public void back() {
        rewindTo(Math.max(0, index - 1));
    }

    /**
     * Takes the current step to its end as the window would with the clock running: plays to each stop and looks.
     * A step that waits for Continue is already at its end.
     */
    public void finishStepHeadless() {
        while (status == Status.RUNNING) {
            run.playTo(nextStopMicros());
            poll();
        }
    }

    private void rewindTo(int i) {
        run.seek(starts.get(i));
        enter(i);
    }

    private void enter(int i) {
        index = i;
        refused.clear();
        timedOut = null;
        checkedMicros = -1;
        status = step().end() instanceof Lesson.End.OnContinue ? Status.WAITING : Status.RUNNING;
    }

    private void startStep(int i) {
        long t = run.nowMicros() + (i == 0 && run.nowMicros() == 0 ? 0 : 1);
        run.playTo(t);
        if (run.branch() != startsBranch) {
            // the learner started a branch: what was reached on the old one is not this branch's future
            starts.subList(Math.min(starts.size(), i), starts.size()).clear();
            startsBranch = run.branch();
        }
        while (starts.size() > i) {
            starts.remove(starts.size() - 1);
        }
        starts.add(t);
        enter(i);
        for (Command c : step().actions()) {
            CommandResult r = run.act(c).result();
            if (!r.accepted()) {
                refused.add(c.describe() + ": " + r.message());
            }
        }
    }
}
