package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.Branch;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.Scenario;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The other side of a comparison: a second run driver kept at the simulated time the window shows, so play, pause,
 * step and scrub move both. For two branches of the run it is a companion over the same branches (nothing played
 * before is played twice); for the screenshot command's {@code --compare} it is a run of another scenario. Part of
 * {@link SimulationViewModel}, which owns the run and the clock; the views read it through
 * {@link SimulationViewModel#comparison()}.
 */
public final class ComparisonModel {

    private final SimulationViewModel vm;
    private Run other;
    private String name;
    private final ReadOnlyObjectWrapper<EngineSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    ComparisonModel(SimulationViewModel vm) {
        this.vm = vm;
    }

    /** Shows {@code branch} beside the branch shown, on the same clock; the branch shown itself stops comparing. */
    public void with(Branch branch) {
        Run run = vm.run();
        if (branch == null || branch == run.branch()) {
            stop();
            return;
        }
        show(run.companion(branch), branch.name());
        vm.tell("Comparing \"" + run.branch().name() + "\" with \"" + branch.name() + "\" on one clock (Ctrl+B stops)");
    }

    /** Shows a run of another scenario beside this one (two saved branches, or two scenarios). */
    public void withScenario(Scenario scenario) {
        Run r = new Run(scenario);
        r.playTo(0);
        show(r, scenario.name());
    }

    /** Ctrl+B: compares the branch shown with the one it left (or, for the first, the newest other); again stops. */
    public void toggle() {
        if (other != null) {
            stop();
            return;
        }
        Run run = vm.run();
        Branch b = run.branch();
        Branch with = b.parent() != null ? b.parent()
                : run.branches().size() > 1 ? run.branches().get(run.branches().size() - 1) : null;
        if (with == null) {
            vm.tell("Nothing to compare yet: act in the past (scrub back, then fail something) to start a branch");
            return;
        }
        with(with);
    }

    public void stop() {
        if (other != null) {
            clear();
            vm.tell("Stopped comparing");
        }
    }

    /** The other side at the time shown, or null when not comparing. */
    public EngineSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<EngineSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The name of the other side (a branch or a scenario), or null. */
    public String name() {
        return name;
    }

    /** The branch the other side shows, or null (not comparing, or another scenario). */
    public Branch branch() {
        return isBranchOfTheRun() ? other.branch() : null;
    }

    /** The name of what is shown: the branch, or the scenario when the run has one branch and no branch is compared. */
    public String shownName() {
        Run run = vm.run();
        return run.branches().size() > 1 || isBranchOfTheRun() ? run.branch().name() : run.scenario().name();
    }

    private boolean isBranchOfTheRun() {
        return other != null && other.scenario() == vm.run().scenario();
    }

    private void show(Run run, String shownAs) {
        other = run;
        name = shownAs;
        vm.republish();
    }

    /** Keeps the other side at {@code micros}: called with every published moment. */
    void follow(long micros) {
        if (other != null) {
            other.seek(micros);
            snapshot.set(other.snapshot());
        }
    }

    /** Forgets the other side (a scenario was loaded or restarted). */
    void clear() {
        other = null;
        name = null;
        snapshot.set(null);
    }
}
