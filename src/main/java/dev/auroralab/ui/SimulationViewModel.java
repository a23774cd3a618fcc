package dev.auroralab.ui;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.Branch;
import dev.auroralab.run.ClockText;
import dev.auroralab.run.MetricSample;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.scenario.TimedCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one object in the window that touches the run. It owns the {@link Run} (scenario + seed + the learner's
 * actions, its branches and keyframes), turns wall time into simulated time at the chosen speed, moves the playhead
 * (play, step, step back, scrub, jump to a mark) and publishes an immutable snapshot and the branch's chart samples
 * for the views to draw. Views never call the engine.
 *
 * <p>The engine runs on the JavaFX thread, inside the frame: a frame gets a fixed budget of engine work
 * ({@link #FRAME_BUDGET_NANOS}); when the simulation cannot keep up with the chosen speed it falls behind
 * (the effective speed shows it) rather than dropping frames. Simulated time is never skipped, so what is drawn is
 * always an exact engine state and the run stays deterministic: same scenario, seed and actions, same run.
 */
public final class SimulationViewModel {

    /** Speeds the slider offers: 1/100x to 100x, on a logarithmic scale (RaftScope's users found cubic confusing). */
    public static final double MIN_SPEED = 0.01;
    public static final double MAX_SPEED = 100;
    /** Engine work allowed per frame; the rest of an 8 ms frame is left for drawing, layout and the charts. */
    public static final long FRAME_BUDGET_NANOS = 5_000_000;
    /** Simulated time advanced between two looks at the wall clock while inside the budget. */
    private static final long CHUNK_MICROS = 1_000;
    /** The log keeps the most recent events only, so a session of hours stays small. */
    public static final int EVENT_LOG_LIMIT = 5_000;
    /** Wall time one "next event" press may hold the window before it stops and says how far it looked. */
    private static final long NOTABLE_STEP_BUDGET_NANOS = 300_000_000L;
    /** "Step to next event" gives up after this much simulated quiet. */
    private static final long NOTABLE_STEP_LIMIT_MICROS = 600_000_000L;

    private final LongSupplier nanoClock;
    private final MetricsFeed metrics;

    private Scenario scenario;
    private Run run;
    /** The run's restore count when the event log was last rebuilt: a change means "read the whole log again". */
    private long restoresSeen;
    /** Events heard but not yet published (a "next event" search looks at them before the views do). */
    private final List<AuroraEvent> fresh = new ArrayList<>();

    private final ReadOnlyObjectWrapper<EngineSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1.0);
    private final ReadOnlyDoubleWrapper effectiveSpeed = new ReadOnlyDoubleWrapper(this, "effectiveSpeed", 1.0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper(this, "scenarioName", "");
    /** Counts the scenarios loaded (not restarts): a view that shows a scenario's own words listens to it. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads", 0);
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    /** The region the topology shows, chosen by the learner; null follows the writes (the primary). */
    private final ReadOnlyStringWrapper chosenRegion = new ReadOnlyStringWrapper(this, "chosenRegion");
    private final ReadOnlyObjectWrapper<Branch> branch = new ReadOnlyObjectWrapper<>(this, "branch");
    private final ComparisonModel comparison = new ComparisonModel(this);
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();
    private final ObservableList<Branch> branchesView = FXCollections.unmodifiableObservableList(branches);
    private final ObservableList<AuroraEvent> events = FXCollections.observableArrayList();
    private final ObservableList<AuroraEvent> eventsView = FXCollections.unmodifiableObservableList(events);

    /** Sees the run at given moments while it plays, or null. */
    private Pacer pacer;

    public SimulationViewModel(Scenario scenario, LongSupplier nanoClock, MetricsFeed metrics) {
        this.nanoClock = nanoClock;
        this.metrics = metrics;
        load(scenario);
    }

    public SimulationViewModel(Scenario scenario) {
        this(scenario, System::nanoTime, MetricsFeed.NONE);
    }

    public static Scenario defaultScenario() {
        try {
            return BuiltInScenarios.load(BuiltInScenarios.DEFAULT);
        } catch (ScenarioError e) {
            throw new IllegalStateException("the built-in default scenario does not read: " + e.getMessage(), e);
        }
    }

    // =================================================================================================================
    // Read-only state for the views
    // =================================================================================================================

    public ReadOnlyObjectProperty<EngineSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public EngineSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public double speed() {
        return speed.get();
    }

    /** The speed actually achieved over the last frame: below {@link #speed()} when the engine cannot keep up. */
    public ReadOnlyDoubleProperty effectiveSpeedProperty() {
        return effectiveSpeed.getReadOnlyProperty();
    }

    /** The last thing that happened because of the learner: an action's result, a loaded file, a rejection. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    /** Goes up by one each time a scenario is loaded (a file, a built-in; not a restart). */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection selection() {
        return selection.get();
    }

    /**
     * The region the learner chose to look at in a Global Database, or null when the topology follows the writes (it
     * then shows whichever region is the primary, before and after a switchover).
     */
    public ReadOnlyStringProperty chosenRegionProperty() {
        return chosenRegion.getReadOnlyProperty();
    }

    /** The name of the region the topology shows now: the chosen one, else the one the writes go to. */
    public String viewedRegion() {
        EngineSnapshot s = snapshot.get();
        String chosen = chosenRegion.get();
        if (s == null) {
            return chosen;
        }
        return chosen != null && s.regionSnapshot(chosen) != null ? chosen : s.writerRegion();
    }

    /**
     * The snapshot as the topology draws it: the region fields of {@link #viewedRegion()} (see
     * {@link EngineSnapshot#forRegion}). The same object as {@link #snapshot()} for a single region or the primary.
     */
    public EngineSnapshot viewSnapshot() {
        EngineSnapshot s = snapshot.get();
        return s == null ? null : s.forRegion(chosenRegion.get());
    }

    /** Shows a region in the topology; a selection inside another region is dropped (a region's own card stays). */
    public void showRegion(String name) {
        chosenRegion.set(name);
        Selection sel = selection.get();
        if (sel != null && sel.kind() != Selection.Kind.REGION && !RegionLookup.contains(viewSnapshot(), sel)) {
            selection.set(null);
        }
    }

    /**
     * Selects the next ({@code step} = 1) or previous (-1) region of a Global Database in the scenario's order, and
     * shows it (the G key); nothing happens in a single-region cluster.
     */
    public void selectAdjacentRegion(int step) {
        EngineSnapshot s = snapshot.get();
        if (s == null || !s.isGlobal()) {
            return;
        }
        List<String> names = s.regions().stream().map(EngineSnapshot.RegionSnapshot::region).toList();
        Selection sel = selection.get();
        int at = sel != null && sel.kind() == Selection.Kind.REGION ? names.indexOf(sel.id()) : -1;
        int next;
        if (at >= 0) {
            next = Math.floorMod(at + step, names.size());
        } else {
            // the first press picks the region already on show, so the learner sees where they start from
            int shown = names.indexOf(viewedRegion());
            next = shown >= 0 ? shown : step > 0 ? 0 : names.size() - 1;
        }
        select(Selection.region(names.get(next)));
    }

    /** A message from the view for the status line (a saved file, a key with nothing to act on). */
    public void tell(String message) {
        status.set(message);
    }

    /** The most recent engine events, oldest first, at most {@link #EVENT_LOG_LIMIT}. */
    public ObservableList<AuroraEvent> events() {
        return eventsView;
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * The learner's actions on the branch shown, at the simulated time each was taken: with the scenario, they replay
     * this branch.
     */
    public List<TimedCommand> userCommands() {
        return run.branch().learnerActions();
    }

    public long nowMicros() {
        return run.nowMicros();
    }

    /** The branch shown: the timeline bar draws its extent and marks. */
    public ReadOnlyObjectProperty<Branch> branchProperty() {
        return branch.getReadOnlyProperty();
    }

    public Branch branch() {
        return branch.get();
    }

    /** Every branch of the run, oldest first; the first is the scenario as scripted. */
    public ObservableList<Branch> branches() {
        return branchesView;
    }

    /** Two futures side by side: the other side of a comparison, and the commands that start and stop one. */
    public ComparisonModel comparison() {
        return comparison;
    }

    /**
     * The run itself, for the parts of this view model that live in their own class ({@link ComparisonModel}, the
     * lesson player).
     */
    public Run run() {
        return run;
    }

    /** Publishes the state now (after a part of this view model changed what is shown). */
    void republish() {
        publish();
    }

    /** The chart samples of the branch shown that closed before now. */
    public List<MetricSample> samples() {
        return run.samplesUpToNow();
    }

    // =================================================================================================================
    // Commands from the views
    // =================================================================================================================

    public void play() {
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlaying() {
        playing.set(!playing.get());
    }

    /** Sets the speed, held within 1/100× to 100×; a value that is not a number is ignored. */
    public void setSpeed(double s) {
        if (Double.isNaN(s)) {
            return;
        }
        speed.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, s)));
    }

    /** One step up or down the 1-2-5 ladder (the + and - keys). */
    public void faster() {
        setSpeed(SpeedLadder.next(speed.get()));
    }

    public void slower() {
        setSpeed(SpeedLadder.previous(speed.get()));
    }

    /**
     * Selects an element. A region's card also shows that region in the topology; an element of another region (a
     * click on an event-log line about a secondary's instance, say) shows the region that holds it.
     */
    public void select(Selection s) {
        if (s != null && s.kind() == Selection.Kind.REGION) {
            chosenRegion.set(s.id());
        } else if (s != null && snapshot.get() != null && snapshot.get().isGlobal()
                && !RegionLookup.contains(viewSnapshot(), s)) {
            String holder = RegionLookup.regionHolding(snapshot.get(), s);
            if (holder != null) {
                chosenRegion.set(holder);
            }
        }
        selection.set(s);
    }

    /**
     * Called once per frame with the wall time since the previous frame: advances the simulation by that much times
     * the speed, within the frame budget.
     */
    public void pulse(long wallNanosSinceLastFrame) {
        if (!playing.get()) {
            effectiveSpeed.set(0);
            return;
        }
        long want = (long) Math.floor(wallNanosSinceLastFrame / 1_000.0 * speed.get());
        long start = run.nowMicros();
        advanceWithinBudget(start + Math.max(0, want), FRAME_BUDGET_NANOS);
        long got = run.nowMicros() - start;
        double thisFrame = wallNanosSinceLastFrame <= 0 ? speed.get() : got * 1_000.0 / wallNanosSinceLastFrame;
        // smoothed over about ten frames, so the "reached" figure reads steadily instead of flickering
        double previous = effectiveSpeed.get() <= 0 ? thisFrame : effectiveSpeed.get();
        effectiveSpeed.set(previous + 0.1 * (thisFrame - previous));
        publish();
    }

    /** Runs to {@code targetMicros} with no budget (the screenshot command, tests, "jump ahead"). */
    public void advanceTo(long targetMicros) {
        advanceWithinBudget(targetMicros, Long.MAX_VALUE);
        publish();
    }

    /**
     * Moves the playhead to {@code micros} on the branch shown (the timeline bar's drag, a click on a mark, Home and
     * End), playing on if it was playing. Behind the furthest point played, the run restores a keyframe and replays:
     * what is shown is exactly the state that playing to that moment gives.
     */
    public void seek(long micros) {
        moveTo(Math.max(0, micros), "At t = ");
    }

    /** Back to the previous event in the log (the ← key): the state just after it. */
    public void stepBack() {
        moveTo(run.previousEventMicros(), "Stepped back to t = ");
    }

    /** Back to the previous mark on the timeline: a fault, an action or a failover step (Shift+←). */
    public void backToPreviousMark() {
        moveTo(run.previousMarkerMicros(), "Back to the previous mark, t = ");
    }

    private void moveTo(long micros, String said) {
        run.seek(micros);
        publish();
        status.set(said + ClockText.of(run.nowMicros()) + (inThePast() ? " (played to " + ClockText.of(run.branch().extentMicros())
                + "; acting here starts a branch and keeps that future)" : ""));
    }

    /** The furthest point the branch shown has been played to (the End key goes there). */
    public long extentMicros() {
        return run.branch().extentMicros();
    }

    /** Whether the playhead is behind the furthest point played: an action now starts a branch. */
    public boolean inThePast() {
        return run.nowMicros() < run.branch().extentMicros();
    }

    /** Shows another branch at the same moment (or at its furthest point, if it was not played that far). */
    public void switchTo(Branch b) {
        if (b == null || b == run.branch()) {
            return;
        }
        run.switchTo(b);
        branch.set(run.branch());
        publish();
        status.set("Branch: " + b.name() + ", at t = " + ClockText.of(run.nowMicros()));
    }

    /** Pauses, then fires exactly one engine event (a boxcar landing, an ack, a timer): the finest step there is. */
    public void stepOneEvent() {
        pause();
        if (!run.step()) {
            status.set("Nothing is scheduled: the simulation is idle.");
            return;
        }
        publish();
        status.set("Stepped one engine event, to t = " + ClockText.of(run.nowMicros()));
    }

    /** Pauses, then runs until the engine reports something a learner would see in the log (or ten quiet minutes). */
    public void stepToNextNotableEvent() {
        pause();
        long limit = run.nowMicros() + NOTABLE_STEP_LIMIT_MICROS;
        collectFresh();
        int freshBefore = fresh.size();
        long deadline = nanoClock.getAsLong() + NOTABLE_STEP_BUDGET_NANOS;
        boolean outOfTime = false;
        while (fresh.size() == freshBefore && run.nowMicros() < limit) {
            if (nanoClock.getAsLong() >= deadline) {
                outOfTime = true;
                break;
            }
            long next = run.nextMicros();
            if (next == Long.MAX_VALUE || next > limit) {
                run.playTo(limit);
                break;
            }
            run.step();
            collectFresh();
        }
        boolean quiet = fresh.size() == freshBefore;
        String what = quiet ? null : fresh.get(freshBefore).type();
        publish();
        status.set(quiet && outOfTime
                ? "No event yet; searched up to t = " + ClockText.of(run.nowMicros()) + ". Press again to look further."
                : quiet
                ? "No event in the next " + Durations.format(NOTABLE_STEP_LIMIT_MICROS) + "; stopped at t = "
                        + ClockText.of(run.nowMicros())
                : "Stepped to the next event, " + what + ", at t = " + ClockText.of(run.nowMicros()));
    }

    /**
     * Applies a learner's action now; the engine may refuse it and say why, which lands in the status line. Behind
     * the furthest point played, an accepted action starts a new branch from this moment and says so; the old future
     * is kept in the branch list.
     */
    public CommandResult act(Command command) {
        Run.Acted a = run.act(command);
        CommandResult r = a.result();
        String said = (r.accepted() ? "" : "Refused: ") + command.describe()
                + (r.message() == null || r.message().isBlank() ? "" : " - " + r.message());
        if (a.forked() != null) {
            branches.setAll(run.branches());
            branch.set(a.forked());
            said = "New branch \"" + a.forked().name() + "\": the future played before is kept as \""
                    + a.forked().parent().name() + "\" (branch list, or Ctrl+B to compare). " + said;
        }
        status.set(said);
        publish();
        return r;
    }

    /** Starts the same scenario again from t = 0 with its seed; the learner's actions are dropped. */
    public void restart() {
        start(scenario);
        status.set("Restarted " + scenario.name() + " at t = 0 (seed " + scenario.seed() + ")");
    }

    /** Replaces the run with another scenario (already read and checked). */
    public void load(Scenario s) {
        start(s);
        loads.set(loads.get() + 1);
        status.set("Loaded " + s.name() + " (seed " + s.seed() + ")");
    }

    /**
     * Reads a file and, only if it is a complete and valid scenario, replaces the run with it. A bad file leaves the
     * current run exactly as it was and returns the reader's message (file, line, column, what to do).
     */
    public Optional<ScenarioError> open(Path file) {
        Scenario s;
        try {
            s = ScenarioReader.read(file);
        } catch (ScenarioError e) {
            status.set("Could not open " + file.getFileName() + ": the current run goes on");
            return Optional.of(e);
        }
        load(s);
        return Optional.empty();
    }

    public Optional<ScenarioError> openBuiltIn(String name) {
        try {
            load(BuiltInScenarios.load(name));
            return Optional.empty();
        } catch (ScenarioError e) {
            return Optional.of(e);
        }
    }

    // =================================================================================================================
    // Inside
    // =================================================================================================================

    private void start(Scenario s) {
        this.scenario = s;
        pacer = null;
        comparison.clear();
        run = new Run(s);
        run.setCommandListener((entry, r) -> {
            if (!entry.learner()) {
                status.set("Scenario, t = " + ClockText.of(entry.atMicros()) + ": " + entry.command().command().describe()
                        + (r.accepted() ? "" : " - refused: " + r.message()));
            }
        });
        run.playTo(0);
        restoresSeen = run.restores();
        fresh.clear();
        run.drainFresh().forEach(fresh::add);
        events.clear();
        branches.setAll(run.branches());
        branch.set(run.branch());
        scenarioName.set(s.name());
        selection.set(null);
        chosenRegion.set(null);
        publish();
    }

    private void advanceWithinBudget(long targetMicros, long budgetNanos) {
        long deadline = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : nanoClock.getAsLong() + budgetNanos;
        while (run.nowMicros() < targetMicros) {
            long stop = pacer == null ? Long.MAX_VALUE : pacer.nextStopMicros();
            run.playTo(Math.min(Math.min(targetMicros, stop), run.nowMicros() + CHUNK_MICROS));
            if (pacer != null && run.nowMicros() >= stop && pacer.stopHere()) {
                pause();
                break;
            }
            if (deadline != Long.MAX_VALUE && nanoClock.getAsLong() >= deadline) {
                break;
            }
        }
    }

    /** Sets (or, with null, removes) the pacer; a new scenario removes it. */
    public void setPacer(Pacer p) {
        pacer = p;
    }

    /** Shows the run as it stands after something moved it (a lesson's Back), with a line for the status bar. */
    public void refresh(String said) {
        publish();
        if (said != null) {
            status.set(said);
        }
    }

    private void collectFresh() {
        if (run.restores() != restoresSeen) {
            run.drainFresh();
            return;
        }
        fresh.addAll(run.drainFresh());
    }

    private void publish() {
        EngineSnapshot s = run.snapshot();
        snapshot.set(s);
        branch.set(run.branch());
        collectFresh();
        if (run.restores() != restoresSeen) {
            // the engine was replaced (a seek back, a branch): its log is the whole truth now
            restoresSeen = run.restores();
            fresh.clear();
            List<AuroraEvent> all = run.engine().events();
            events.setAll(all.size() > EVENT_LOG_LIMIT ? all.subList(all.size() - EVENT_LOG_LIMIT, all.size()) : all);
        } else if (!fresh.isEmpty()) {
            int overflow = events.size() + fresh.size() - EVENT_LOG_LIMIT;
            if (overflow > 0) {
                events.remove(0, Math.min(overflow, events.size()));
            }
            List<AuroraEvent> add = fresh.size() > EVENT_LOG_LIMIT
                    ? fresh.subList(fresh.size() - EVENT_LOG_LIMIT, fresh.size()) : fresh;
            events.addAll(add);
            fresh.clear();
        }
        comparison.follow(run.nowMicros());
        metrics.show(run.samplesUpToNow(), s);
    }
}
