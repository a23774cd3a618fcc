package dev.auroralab.ui.lesson;

import dev.auroralab.run.ClockText;
import dev.auroralab.run.LessonPlayer;
import dev.auroralab.scenario.Lesson;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The lesson open in the window, if any: a {@link LessonPlayer} over the view model's run, and what the lesson panel
 * and the topology's spotlight show. Continue, Back and the step list go through here; so do the keys (Space and
 * Page Down continue, Page Up goes back, as a presenter's clicker sends them).
 */
public final class LessonModel {

    private final SimulationViewModel vm;
    private final ReadOnlyObjectWrapper<LessonPlayer> player = new ReadOnlyObjectWrapper<>();
    /** Bumped whenever the step or its status changes: the panel redraws on it. */
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<List<Selection>> spotlight = new ReadOnlyObjectWrapper<>(List.of());
    /** Opens a myth card by id (the window's Help > Myths and facts dialog). */
    private java.util.function.Consumer<String> mythOpener = id -> { };
    /** The view model's load count while this lesson's scenario is the one shown. */
    private int ownLoad = -1;
    /** The learner's speed while a step plays at its own, or NaN when the learner's speed is in force. */
    private double learnerSpeed = Double.NaN;

    public LessonModel(SimulationViewModel vm) {
        this.vm = vm;
        // another scenario opened (menu, file, restart): the lesson is over
        vm.loadsProperty().addListener((o, a, b) -> {
            if (player.get() != null && b.intValue() != ownLoad) {
                close();
            }
        });
    }

    public ReadOnlyObjectProperty<LessonPlayer> playerProperty() {
        return player.getReadOnlyProperty();
    }

    public LessonPlayer player() {
        return player.get();
    }

    public boolean isOpen() {
        return player.get() != null;
    }

    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** The elements the current step spotlights (the rest of the picture is dimmed). */
    public ReadOnlyObjectProperty<List<Selection>> spotlightProperty() {
        return spotlight.getReadOnlyProperty();
    }

    /** Opens {@code lesson} at step {@code step} (a deep link): its scenario replaces the run shown. */
    public void open(Lesson lesson, int step) {
        vm.load(lesson.scenario());
        ownLoad = vm.loadsProperty().get();
        LessonPlayer p = new LessonPlayer(lesson, vm.run());
        p.begin(step);
        vm.setPacer(new dev.auroralab.ui.Pacer() {
            @Override
            public long nextStopMicros() {
                return p.nextStopMicros();
            }

            @Override
            public boolean stopHere() {
                if (!p.poll()) {
                    return false;
                }
                if (p.goesOnByItself()) {
                    p.next();
                    stepChanged("");
                    return false;
                }
                stepChanged(p.timedOut() != null ? "The step's condition did not come: " + p.timedOut()
                        : "Step done. Continue (Space or Page Down) when ready.");
                return true;
            }
        });
        player.set(p);
        stepChanged("Lesson: " + lesson.title());
        followStatus();
    }

    /** Continue: at a step that waits, the next step; during a running step, its end (the clicker skips ahead). */
    public void next() {
        LessonPlayer p = player.get();
        if (p == null || p.status() == LessonPlayer.Status.FINISHED) {
            return;
        }
        if (p.status() == LessonPlayer.Status.RUNNING) {
            p.finishStepHeadless();
            stepChanged("Skipped to the end of the step, t = " + ClockText.of(vm.nowMicros()));
            vm.pause();
            return;
        }
        p.next();
        stepChanged(p.status() == LessonPlayer.Status.FINISHED ? "Lesson finished: the simulation is yours"
                : null);
        followStatus();
    }

    /** Back: the simulation rewinds to the previous step's start (of this step, at the first). */
    public void back() {
        LessonPlayer p = player.get();
        if (p == null) {
            return;
        }
        p.back();
        stepChanged("Back to step " + (p.index() + 1) + ", t = " + ClockText.of(vm.nowMicros()));
        followStatus();
    }

    /** Goes to step {@code i} from the step list: back by rewinding, forward by taking the steps between. */
    public void goTo(int i) {
        LessonPlayer p = player.get();
        if (p == null || i < 0 || i >= p.lesson().steps().size()) {
            return;
        }
        p.goTo(i);
        stepChanged("Step " + (i + 1) + ", t = " + ClockText.of(vm.nowMicros()));
        followStatus();
    }

    /** How a step's myth card is opened: set by the window. */
    public void setMythOpener(java.util.function.Consumer<String> opener) {
        mythOpener = opener;
    }

    /** Opens the myth card the current step answers. */
    public void openMyth(String id) {
        vm.pause();
        mythOpener.accept(id);
    }

    /** Leaves the lesson; the run stays as it is, for free play. */
    public void close() {
        if (player.get() == null) {
            return;
        }
        vm.setPacer(null);
        player.set(null);
        followSpeed();
        spotlight.set(List.of());
        changes.set(changes.get() + 1);
    }

    /**
     * A step that plays at its own speed ({@code speed: 50}: a wait of minutes takes seconds) sets it while it plays;
     * when it ends, goes back or the lesson closes, the speed the learner had before the step returns. The learner
     * may still move the slider during the step; that lasts until the step ends.
     */
    private void followSpeed() {
        LessonPlayer p = player.get();
        java.util.OptionalDouble stepSpeed = p == null ? java.util.OptionalDouble.empty() : p.playSpeed();
        if (stepSpeed.isPresent()) {
            if (Double.isNaN(learnerSpeed)) {
                learnerSpeed = vm.speed();
            }
            vm.setSpeed(stepSpeed.getAsDouble());
        } else if (!Double.isNaN(learnerSpeed)) {
            vm.setSpeed(learnerSpeed);
            learnerSpeed = Double.NaN;
        }
    }

    /** Plays while a step runs, pauses while it waits for Continue. */
    private void followStatus() {
        LessonPlayer p = player.get();
        if (p != null && p.status() == LessonPlayer.Status.RUNNING) {
            vm.play();
        } else {
            vm.pause();
        }
    }

    private void stepChanged(String said) {
        LessonPlayer p = player.get();
        followSpeed();
        vm.refresh(said);
        if (p != null) {
            spotlight.set(selections(p.step().highlight(), vm.snapshot()));
        }
        changes.set(changes.get() + 1);
    }

    /**
     * {@code kind:id} references (checked by the lesson reader) as the elements they are in {@code snapshot}: a copy
     * named by its address is found under the id it has now. Terms and elements gone since are left out.
     */
    public static List<Selection> selections(List<String> refs, dev.auroralab.engine.snapshot.EngineSnapshot snapshot) {
        List<Selection> out = new ArrayList<>();
        for (String ref : refs) {
            int colon = ref.indexOf(':');
            Selection s = Selection.find(snapshot, ref.substring(0, colon), ref.substring(colon + 1));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
