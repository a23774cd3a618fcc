package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.snapshot.FailoverKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.AcknowledgedWritesLost;
import dev.auroralab.engine.event.AuroraEvent.CrashRecoveryCompleted;
import dev.auroralab.engine.event.AuroraEvent.FailoverCompleted;
import dev.auroralab.engine.event.AuroraEvent.MembershipChangeStarted;
import dev.auroralab.engine.event.AuroraEvent.SplitBrainDetected;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each property broken on purpose in a hand-built snapshot, with the message that says what, where and the values;
 * and the healthy snapshot, which breaks nothing.
 */
class SafetyCheckerTest {

    /** The violations of one look at {@code s}, as "PROPERTY: message". */
    private static List<String> lookAt(SnapshotFixture s, AuroraEvent... events) {
        return words(new SafetyChecker().observe(s.build(), List.of(events)));
    }

    /** The violations of a second look, at {@code after}, the first (at {@code before}) being clean. */
    private static List<String> lookTwice(SnapshotFixture before, SnapshotFixture after, AuroraEvent... events) {
        SafetyChecker c = new SafetyChecker();
        assertThat(words(c.observe(before.build(), List.of()))).isEmpty();
        return words(c.observe(after.build(), List.of(events)));
    }

    private static List<String> words(List<Violation> violations) {
        return violations.stream().map(v -> v.property() + ": " + v.message()).toList();
    }

    private static SnapshotFixture later() {
        SnapshotFixture s = new SnapshotFixture();
        s.nowMicros += 100_000;
        return s;
    }

    @Test
    void aHealthyClusterAndAHealthyGlobalDatabaseBreakNothing() {
        assertThat(lookTwice(new SnapshotFixture(), later())).isEmpty();
        assertThat(lookTwice(new SnapshotFixture().withSecondary(), later().withSecondary())).isEmpty();
    }

    // ---- LSNs -------------------------------------------------------------------------------------------------

    @Test
    void aSecondaryWhoseVdlPassesItsVclIsCaughtInThatRegion() {
        SnapshotFixture s = new SnapshotFixture().withSecondary();
        s.secondary().vdl = 82;
        assertThat(lookAt(s)).containsExactly("VDL_AT_MOST_VCL: eu-west-1 (secondary): VDL 82 > VCL 81");
    }

    @Test
    void vdlGoingBackWithoutATruncationInTheLogIsCaughtAndCrashRecoveryWithItsLossExplainsIt() {
        SnapshotFixture after = later();
        after.primary().vdl = 90;
        after.primary().replaceInstance("writer-1", InstanceStatus.UP, InstanceRole.WRITER, 90);
        after.primary().replaceInstance("reader-1", InstanceStatus.UP, InstanceRole.READER, 88);
        assertThat(lookTwice(new SnapshotFixture(), after)).containsExactly(
                "LSNS_NEVER_GO_BACK: us-east-1 (primary): VDL went back from 100 to 90 with no truncation logged",
                "ACKNOWLEDGED_WITHIN_VDL: us-east-1: 50 acknowledged commits survive (50 acknowledged - 0 lost) but"
                        + " only 45 fit at or below VDL 90 (90 live LSNs, 2 per commit)");
        after.acknowledgedWritesLost = 5;
        assertThat(lookTwice(new SnapshotFixture(), after,
                new CrashRecoveryCompleted(1_040_000, "writer-1", 90, 10_000_090, 1),
                new AcknowledgedWritesLost(1_040_000, 5, "crash recovery found them on no reachable copy"))).isEmpty();
    }

    @Test
    void aPgclGoingBackIsCaughtWithItsPg() {
        SnapshotFixture after = later();
        after.primary().pg(0).pgcl = 99;
        assertThat(lookTwice(new SnapshotFixture(), after)).containsExactly(
                "LSNS_NEVER_GO_BACK: us-east-1 (primary) pg-0: PGCL went back from 101 to 99 with no truncation logged");
    }

    @Test
    void epochsThatGoBackOrARecoveryThatReusesAnEpochAreCaught() {
        SnapshotFixture before = new SnapshotFixture();
        before.primary().volumeEpoch = 3;
        before.primary().pg(0).membershipEpoch = 4;
        SnapshotFixture after = later();
        after.primary().volumeEpoch = 2;
        after.primary().pg(0).membershipEpoch = 3;
        assertThat(lookTwice(before, after)).containsExactly(
                "EPOCHS_ONLY_GROW: us-east-1 (primary): volume epoch went back from 3 to 2",
                "EPOCHS_ONLY_GROW: us-east-1 (primary) pg-0: membership epoch went back from 4 to 3");

        SnapshotFixture s = new SnapshotFixture();
        s.primary().volumeEpoch = 2;
        assertThat(lookAt(s, new CrashRecoveryCompleted(10, "writer-1", 100, 10_000_100, 2),
                new CrashRecoveryCompleted(20, "reader-1", 100, 10_000_100, 2))).containsExactly(
                        "EPOCHS_ONLY_GROW: crash recovery by reader-1 at 20 us claims volume epoch 2, not above the 2"
                                + " claimed before");
    }

    @Test
    void aMembershipChangeLoggedWithAnEpochTheSnapshotHasNotReachedIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        assertThat(lookAt(s, new MembershipChangeStarted(10, "pg-0", "pg-0/az-a/1", "pg-0/az-a/1#1", 2,
                "4/6 of ABCDEF AND 4/6 of GBCDEF", "3/6 of ABCDEF OR 3/6 of GBCDEF"))).containsExactly(
                        "EPOCHS_ONLY_GROW: us-east-1 (primary) pg-0: membership epoch 1 is below the 2 its last"
                                + " logged change gave");
    }

    @Test
    void moreAcknowledgedCommitsThanFitAtOrBelowVdlAreCaughtAndLoggedTruncationRangesHoldNone() {
        SnapshotFixture s = new SnapshotFixture();
        s.writesAcknowledged = 51;
        s.writesPending = 4;
        assertThat(lookAt(s)).containsExactly("ACKNOWLEDGED_WITHIN_VDL: us-east-1: 51 acknowledged commits survive"
                + " (51 acknowledged - 0 lost) but only 50 fit at or below VDL 100 (100 live LSNs, 2 per commit)");

        // recovery voided (40, 10,000,040]: 40 LSNs below it and 60 above it hold 50 commits at most
        SnapshotFixture after = new SnapshotFixture();
        after.primary().vdl = 10_000_100;
        after.primary().vcl = 10_000_100;
        after.primary().nextLsn = 10_000_101;
        after.primary().allocationLimitLsn = 20_000_100;
        after.primary().pg(0).pgcl = 10_000_100;
        after.primary().pg(0).copies.forEach(c -> c.scl = 10_000_100);
        after.primary().replaceInstance("writer-1", InstanceStatus.UP, InstanceRole.WRITER, 10_000_100);
        CrashRecoveryCompleted recovery = new CrashRecoveryCompleted(10, "writer-1", 40, 10_000_040, 1);
        assertThat(lookAt(after, recovery)).isEmpty();
        after.writesAcknowledged = 51;
        after.writesPending = 4;
        assertThat(lookAt(after, recovery)).containsExactly("ACKNOWLEDGED_WITHIN_VDL: us-east-1: 51 acknowledged"
                + " commits survive (51 acknowledged - 0 lost) but only 50 fit at or below VDL 10000100 (100 live"
                + " LSNs, 2 per commit)");
    }

    @Test
    void anLsnAboveTheAllocationLimitOrAVclAboveTheLastLsnIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().nextLsn = 10_000_102;
        s.primary().allocationLimitLsn = 10_000_099;
        s.primary().vcl = 10_000_101;
        s.primary().vdl = 100;
        SnapshotFixture t = new SnapshotFixture();
        t.primary().vcl = 102;
        assertThat(lookAt(t)).containsExactly(
                "LSN_ALLOCATION_LIMIT: us-east-1 (primary): VCL 102 is above the last LSN allocated, 101");
        assertThat(lookAt(s)).contains(
                "LSN_ALLOCATION_LIMIT: us-east-1: LSN 10000101 was allocated above the limit 10000099",
                "LSN_ALLOCATION_LIMIT: us-east-1: the allocation limit 10000099 is below VDL 100 + LAL 10000000");
    }

    @Test
    void aReplicaAheadOfVdlIsCaughtButAStoppedOneIsNot() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().replaceInstance("reader-1", InstanceStatus.UP, InstanceRole.READER, 104);
        assertThat(lookAt(s)).containsExactly(
                "REPLICAS_BEHIND_VDL: us-east-1 (primary): reader reader-1 applied LSN 104, above VDL 100");
        s.primary().replaceInstance("reader-1", InstanceStatus.DOWN, InstanceRole.READER, 104);
        assertThat(lookAt(s)).isEmpty();
    }

    @Test
    void aSecondaryAheadOfThePrimaryIsCaught() {
        SnapshotFixture s = new SnapshotFixture().withSecondary();
        s.secondary().vdl = 100;
        s.secondary().vcl = 101;
        s.secondary().pg(0).pgcl = 101;
        s.secondary().pg(0).copies.forEach(c -> c.scl = 101);
        assertThat(lookAt(s)).isEmpty();
        s.secondary().vdl = 101;
        assertThat(lookAt(s)).containsExactly("SECONDARY_BEHIND_PRIMARY: secondary eu-west-1 holds VDL 101, above"
                + " primary us-east-1's VDL 100");
    }

    // ---- storage ------------------------------------------------------------------------------------------------

    @Test
    void aPgWithThreeCopiesInOneAzIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        SnapshotFixture.Copy c = s.primary().pg(0).copy('C');
        c.az = "az-a";
        c.address = "pg-0/az-a/3";
        assertThat(lookAt(s)).contains(
                "SIX_COPIES_TWO_PER_AZ: us-east-1 pg-0 has 3 copy positions in az-a, not 2",
                "SIX_COPIES_TWO_PER_AZ: us-east-1 pg-0 has 1 copy positions in az-b, not 2");
    }

    @Test
    void aCopyOutOfTheQuorumModelOutsideTheDegradedAzIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().pg(0).copy('A').inQuorumModel = false;
        assertThat(lookAt(s)).containsExactly("SIX_COPIES_TWO_PER_AZ: us-east-1 pg-0 copy pg-0/az-a/1 in az-a is out"
                + " of the quorum model, but the model leaves out no AZ");
    }

    /** G replaces A: the write set is 4/6 of ABCDEF AND 4/6 of GBCDEF (P18 §4). */
    private static SnapshotFixture replacingA(SnapshotFixture s) {
        SnapshotFixture.Pg pg = s.primary().pg(0);
        pg.copy('A').state = "down";
        SnapshotFixture.Copy g = new SnapshotFixture.Copy();
        g.id = "pg-0/az-a/1#1";
        g.address = "pg-0/az-a/1";
        g.letter = 'G';
        g.az = "az-a";
        g.nodeId = "sn-az-a-3";
        g.state = "replacing";
        g.scl = 0;
        g.replacement = true;
        pg.copies.add(1, g);
        pg.writeSet = List.of(new QuorumTerm(4, "ABCDEF"), new QuorumTerm(4, "GBCDEF"));
        pg.readSet = List.of(new QuorumTerm(3, "ABCDEF"), new QuorumTerm(3, "GBCDEF"));
        pg.writableCopies = 5;
        pg.readableCopies = 5;
        return s;
    }

    @Test
    void quorumTermsThatForgetAReplacementInFlightAreCaught() {
        SnapshotFixture s = replacingA(new SnapshotFixture());
        assertThat(lookAt(s)).isEmpty();
        s.primary().pg(0).writeSet = List.of(new QuorumTerm(4, "ABCDEF"));
        assertThat(lookAt(s)).containsExactly("QUORUM_TERMS_MATCH_COPIES: us-east-1 pg-0 lists write set"
                + " [4/6 of ABCDEF] and read set [3/6 of ABCDEF, 3/6 of GBCDEF]; its copies give [4/6 of ABCDEF,"
                + " 4/6 of GBCDEF] and [3/6 of ABCDEF, 3/6 of GBCDEF]");
    }

    @Test
    void aWriteQuorumClaimedWithThreeCopiesTakingWritesIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().writable = false;
        SnapshotFixture.Pg pg = s.primary().pg(0);
        pg.copy('A').state = "down";
        pg.copy('B').state = "down";
        pg.copy('C').state = "destroyed";
        pg.copy('C').scl = 0;
        pg.writableCopies = 3;
        pg.readableCopies = 3;
        pg.readQuorum = true;
        assertThat(lookAt(s)).containsExactly("WRITE_QUORUM_RECOUNTED: us-east-1 pg-0 says write quorum true with 3"
                + " copies taking writes; recounted, the weakest of 1 term(s) has 3 of the 4 needed (A down, B down,"
                + " C destroyed, D up, E up, F up)");
    }

    @Test
    void theDegradedModelNeedsThreeOfFourForWritesAndTwoForReads() {
        SnapshotFixture s = new SnapshotFixture();
        SnapshotFixture.Pg pg = s.primary().pg(0);
        pg.degradedExcludedAz = "az-c";
        pg.copiesInModel = 4;
        pg.writeQuorumNeeded = 3;
        pg.readQuorumNeeded = 2;
        pg.writeSet = List.of(new QuorumTerm(3, "ABCD"));
        pg.readSet = List.of(new QuorumTerm(2, "ABCD"));
        s.primary().downAzs.add("az-c");
        for (char c : new char[] {'E', 'F'}) {
            pg.copy(c).state = "down";
            pg.copy(c).inQuorumModel = false;
        }
        for (int k = 1; k <= 4; k++) {
            s.primary().failNode("sn-az-c-" + k);
        }
        pg.copy('A').state = "down";
        pg.writableCopies = 3;
        pg.readableCopies = 3;
        assertThat(lookAt(s)).isEmpty();
        pg.copy('B').state = "down";
        assertThat(lookAt(s)).containsExactly(
                "WRITE_QUORUM_RECOUNTED: us-east-1 pg-0 says write quorum true with 3 copies taking writes; recounted,"
                        + " the weakest of 1 term(s) has 2 of the 3 needed (A down, B down, C up, D up, E* down,"
                        + " F* down)",
                "READ_QUORUM_RECOUNTED: us-east-1 pg-0 says read quorum true with 3 copies serving reads; recounted,"
                        + " the best of 1 term(s) has 2 of the 2 needed (A down, B down, C up, D up, E* down, F* down)",
                "WRITABLE_NEEDS_WRITER_AND_QUORUMS: us-east-1 takes writes but pg-0 has 2 copies taking writes in its"
                        + " weakest term, needs 3");
    }

    @Test
    void aReadQuorumDeniedWithThreeCopiesServingReadsIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().writable = false;
        SnapshotFixture.Pg pg = s.primary().pg(0);
        for (char c : new char[] {'A', 'B', 'C'}) {
            pg.copy(c).state = "down";
        }
        pg.writeQuorum = false;
        pg.writableCopies = 3;
        pg.readableCopies = 3;
        pg.readQuorum = false;
        assertThat(lookAt(s)).containsExactly("READ_QUORUM_RECOUNTED: us-east-1 pg-0 says read quorum false with 3"
                + " copies serving reads; recounted, the best of 1 term(s) has 3 of the 3 needed (A down, B down,"
                + " C down, D up, E up, F up)");
    }

    @Test
    void aPgclHeldByThreeCopiesIsCaughtUnlessTheFourthWasDestroyed() {
        SnapshotFixture s = new SnapshotFixture();
        SnapshotFixture.Pg pg = s.primary().pg(0);
        for (char c : new char[] {'A', 'B', 'C'}) {
            pg.copy(c).scl = 99;
        }
        assertThat(lookAt(s)).containsExactly("PGCL_ON_A_WRITE_QUORUM: us-east-1 pg-0 PGCL 101 is held by 3 copies,"
                + " needs 4 (0 destroyed); below it: pg-0/az-a/1 (A, up) SCL 99, pg-0/az-a/2 (B, up) SCL 99,"
                + " pg-0/az-b/1 (C, up) SCL 99");
        s.primary().writable = false;
        pg.copy('A').state = "destroyed";
        pg.copy('A').scl = 0;
        pg.writableCopies = 5;
        pg.readableCopies = 5;
        assertThat(lookAt(s)).isEmpty();
    }

    @Test
    void aCopyTakingWritesInAnAzThatIsOutOrOnAFailedNodeIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().downAzs.add("az-c");
        s.primary().failNode("sn-az-b-2");
        s.primary().replaceInstance("reader-1", InstanceStatus.DOWN, InstanceRole.READER, 96);
        assertThat(lookAt(s)).containsExactly(
                "DOWN_MEANS_UNREACHABLE: us-east-1 pg-0 copy pg-0/az-b/2 is up though its storage node sn-az-b-2 has"
                        + " failed",
                "DOWN_MEANS_UNREACHABLE: us-east-1 pg-0 copy pg-0/az-c/1 is up though AZ az-c is out",
                "DOWN_MEANS_UNREACHABLE: us-east-1 pg-0 copy pg-0/az-c/2 is up though AZ az-c is out");
    }

    // ---- writer, regions ----------------------------------------------------------------------------------------

    @Test
    void aRegionTakingWritesWithoutAWriterUpIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().replaceInstance("writer-1", InstanceStatus.RECOVERING, InstanceRole.WRITER, 100);
        assertThat(lookAt(s)).containsExactly("WRITABLE_NEEDS_WRITER_AND_QUORUMS: us-east-1 takes writes with no"
                + " writer up ([writer-1 writer recovering, reader-1 reader up])");
    }

    @Test
    void twoWritersUpInOneRegionAreCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().replaceInstance("reader-1", InstanceStatus.RECOVERING, InstanceRole.WRITER, 96);
        assertThat(lookAt(s)).containsExactly(
                "ONE_WRITER_PER_REGION: us-east-1 has 2 writers up or recovering: [writer-1, reader-1]");
    }

    @Test
    void anInstanceRunningInAnAzThatIsOutIsCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.primary().downAzs.add("az-b");
        for (char c : new char[] {'C', 'D'}) {
            s.primary().pg(0).copy(c).state = "down";
        }
        s.primary().pg(0).writableCopies = 4;
        s.primary().pg(0).readableCopies = 4;
        assertThat(lookAt(s)).containsExactly(
                "DOWN_MEANS_UNREACHABLE: us-east-1: instance reader-1 is up though AZ az-b is out");
    }

    /** eu-west-1 detached and took writes while the old primary's writer came back (UG: detach and promote). */
    private static SnapshotFixture twoWritableRegions() {
        SnapshotFixture s = new SnapshotFixture().withSecondary();
        s.secondary().role = "detached";
        s.secondary().writable = true;
        s.secondary().replaceInstance("eu-1", InstanceStatus.UP, InstanceRole.WRITER, 80);
        return s;
    }

    @Test
    void twoRegionsTakingWritesAreCaughtUnlessASplitBrainIsLogged() {
        SnapshotFixture s = twoWritableRegions();
        assertThat(lookAt(s)).containsExactly("ONE_WRITABLE_REGION: 2 regions take writes ([us-east-1, eu-west-1])"
                + " and no split brain is logged");
        s.splitBrain = true;
        assertThat(lookAt(s, new SplitBrainDetected(10, List.of("us-east-1", "eu-west-1")))).isEmpty();
        SnapshotFixture one = new SnapshotFixture().withSecondary();
        one.splitBrain = true;
        SafetyChecker c = new SafetyChecker();
        c.observe(new SnapshotFixture().withSecondary().build(), List.of());
        assertThat(words(c.observe(one.build(), List.of()))).containsExactly(
                "ONE_WRITABLE_REGION: the split-brain flag says true but the log says it is not");
    }

    @Test
    void aReadableRegionWithNoCopyServingAPgIsCaught() {
        SnapshotFixture s = new SnapshotFixture().withSecondary();
        s.secondary().downAzs.addAll(List.of("euw-a", "euw-b", "euw-c"));
        s.secondary().nodes.replaceAll(n -> new dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot(
                n.id(), n.az(), false, true, n.segments()));
        SnapshotFixture.Pg pg = s.secondary().pg(0);
        pg.copies.forEach(c -> c.state = "down");
        pg.writeQuorum = false;
        pg.readQuorum = false;
        pg.writableCopies = 0;
        pg.readableCopies = 0;
        s.secondary().replaceInstance("eu-1", InstanceStatus.DOWN, InstanceRole.READER, 80);
        s.secondary().readable = true;
        assertThat(lookAt(s)).containsExactly(
                "READABLE_NEEDS_A_COPY: eu-west-1 is readable with no instance up",
                "READABLE_NEEDS_A_COPY: eu-west-1 is readable but no copy of eu-west-1/pg-0 serves reads");
    }

    // ---- counters and ledger ------------------------------------------------------------------------------------

    @Test
    void writesOrReadsThatAreNeitherResolvedNorPendingAreCaught() {
        SnapshotFixture s = new SnapshotFixture();
        s.writesIssued = 61;
        s.readsIssued = 199;
        assertThat(lookAt(s)).containsExactly(
                "WRITES_ACCOUNTED_FOR: writes issued 61 != acknowledged 50 + failed 5 + pending 5",
                "READS_ACCOUNTED_FOR: reads issued 199 != served 190 + failed 10");
    }

    @Test
    void countersThatGoDownAreCaught() {
        SnapshotFixture after = later();
        after.readsIssued = 150;
        after.readsServed = 145;
        after.readsFailed = 5;
        after.writeDowntimeMicros = -1;
        assertThat(lookTwice(new SnapshotFixture(), after)).containsExactly(
                "COUNTERS_ONLY_GROW: reads issued went down from 200 to 150",
                "COUNTERS_ONLY_GROW: reads served went down from 190 to 145",
                "COUNTERS_ONLY_GROW: reads failed went down from 10 to 5",
                "COUNTERS_ONLY_GROW: write downtime went down from 0 to -1");
    }

    @Test
    void aLossCountedWithoutItsEventOrAnEventWithoutItsCountIsCaught() {
        SnapshotFixture after = later();
        after.acknowledgedWritesLost = 3;
        assertThat(lookTwice(new SnapshotFixture(), after)).containsExactly("LOSS_IS_LOGGED: the lost counter grew by"
                + " 3 (from 0 to 3) but AcknowledgedWritesLost events since the last look count 0");
        assertThat(lookTwice(new SnapshotFixture(), after, new AcknowledgedWritesLost(1_050_000, 3, "destroyed")))
                .isEmpty();
        assertThat(lookTwice(new SnapshotFixture(), later(), new AcknowledgedWritesLost(1_050_000, 3, "destroyed")))
                .containsExactly("LOSS_IS_LOGGED: the lost counter grew by 0 (from 0 to 0) but AcknowledgedWritesLost"
                        + " events since the last look count 3");
    }

    @Test
    void commitsAcknowledgedWhileTheManagedRpoBlocksThemAreCaught() {
        SnapshotFixture before = new SnapshotFixture().withSecondary();
        before.managedRpoSeconds = 20;
        before.commitsBlocked = true;
        before.primary().writable = false;
        before.writesAcknowledged = 40;
        before.writesPending = 15;
        SnapshotFixture after = later().withSecondary();
        after.managedRpoSeconds = 20;
        after.commitsBlocked = true;
        after.primary().writable = false;
        assertThat(lookTwice(before, after)).containsExactly(
                "BLOCKED_COMMITS_WAIT: 10 commits were acknowledged while the managed RPO blocked commits throughout");
        SnapshotFixture off = new SnapshotFixture().withSecondary();
        off.commitsBlocked = true;
        off.primary().writable = false;
        assertThat(lookAt(off)).containsExactly(
                "BLOCKED_COMMITS_WAIT: commits are blocked with a managed RPO of 0 s (off, or below 20 s)");
    }

    @Test
    void theLedgerOnlyGainsOneEntryPerCompletedFailover() {
        FailoverRecord f = new FailoverRecord(FailoverKind.IN_REGION, "writer-1", "reader-1", 100, 27_000_000, 0, 0, 100, null);
        SnapshotFixture after = later();
        after.failovers.add(f);
        assertThat(lookTwice(new SnapshotFixture(), after)).containsExactly(
                "LEDGER_APPEND_ONLY: 1 ledger entries were added for 0 completed failovers logged");
        assertThat(lookTwice(new SnapshotFixture(), after, new FailoverCompleted(1_000, "writer-1", "reader-1", 900)))
                .isEmpty();
        SnapshotFixture before = new SnapshotFixture();
        before.failovers.add(f);
        assertThat(lookTwice(before, later())).containsExactly(
                "LEDGER_APPEND_ONLY: the ledger's 1 earlier entries changed or went: now 0 entries");
    }

    @Test
    void aViolationThatPersistsIsReportedOnceWhenItStarts() {
        SnapshotFixture s = new SnapshotFixture();
        s.writesIssued = 61;
        SafetyChecker c = new SafetyChecker();
        assertThat(c.observe(s.build(), List.of())).hasSize(1);
        s.nowMicros += 100_000;
        assertThat(c.observe(s.build(), List.of())).isEmpty();
        s.writesIssued = 62;
        assertThat(words(c.observe(s.build(), List.of()))).containsExactly(
                "WRITES_ACCOUNTED_FOR: writes issued 62 != acknowledged 50 + failed 5 + pending 5");
        assertThat(c.violations()).hasSize(2);
        assertThat(c.violations().get(0).describe()).isEqualTo(
                "1.000 s WRITES_ACCOUNTED_FOR: writes issued 61 != acknowledged 50 + failed 5 + pending 5");
    }
}
