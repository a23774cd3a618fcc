package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.teach.SingleFault;
import org.junit.jupiter.api.Test;

/**
 * The overlay's state without a window: it works the distance out again exactly when something the analysis reads
 * has changed (never a stale mark after a fault), and not on frames that only move the clock and the LSNs.
 */
class DistanceOverlayTest {

    @Test
    void offItGivesNothingAndOnItGivesTheDistanceOfTheSnapshotOnScreen() {
        SimulationViewModel vm = ViewModelFixtures.vm("lose-an-az");
        vm.advanceTo(30 * SECOND);
        DistanceOverlay overlay = new DistanceOverlay(vm);
        assertThat(overlay.current()).isNull();
        assertThat(overlay.fields(Selection.segment("pg-0/us-east-1a/1"))).isEmpty();
        overlay.setShown(true);
        FailureDistance d = overlay.current();
        assertThat(d.nowMicros()).isEqualTo(vm.snapshot().nowMicros());
        assertThat(overlay.faultOf(Selection.segment("pg-0/us-east-1a/1")).label()).isEqualTo("writes stop");
        assertThat(overlay.faultOf(Selection.pg("pg-0"))).as("no single command fails a group").isNull();
        assertThat(overlay.groupSummary("pg-0")).isEqualTo("one more copy, A, B, C or D: writes stop");
    }

    @Test
    void framesThatOnlyMoveTheClockKeepTheAnalysisAndAFaultBringsANewOne() {
        SimulationViewModel vm = ViewModelFixtures.vm("healthy-cluster");
        vm.advanceTo(5 * SECOND);
        DistanceOverlay overlay = new DistanceOverlay(vm);
        overlay.setShown(true);
        FailureDistance first = overlay.current();
        vm.advanceTo(5 * SECOND + 250_000);
        assertThat(overlay.current()).as("boxcars and acks moved, nothing the analysis reads").isSameAs(first);

        vm.act(new Command.FailAvailabilityZone("us-east-1c"));
        FailureDistance after = overlay.current();
        assertThat(after).isNotSameAs(first);
        assertThat(after.fault(SingleFault.Kind.COPY, "pg-0/us-east-1a/1").label()).isEqualTo("writes stop");
        assertThat(first.fault(SingleFault.Kind.COPY, "pg-0/us-east-1a/1").safe()).isTrue();
    }

    @Test
    void aStorageNodeFailedInsideAnAzThatIsOutChangesWhatCanBeFailedAndSoTheAnalysis() {
        SimulationViewModel vm = ViewModelFixtures.vm("lose-an-az");
        vm.advanceTo(30 * SECOND);
        DistanceOverlay overlay = new DistanceOverlay(vm);
        overlay.setShown(true);
        assertThat(overlay.faultOf(Selection.node("sn-us-east-1c-1"))).as("failing it changes nothing now").isNotNull();
        vm.act(new Command.FailStorageNode("sn-us-east-1c-1"));
        // its copies were down already: only the node's own flag changed, and with it the faults on offer
        assertThat(overlay.faultOf(Selection.node("sn-us-east-1c-1"))).as("already failed").isNull();
    }
}
