package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.WhyLink.Origin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "why?" trace on the built-in scenarios (issue 14): each subject's chain names the events that made it so, with
 * the learner's actions told from the scenario's and the engine's, newest first and never later than now.
 */
class WhyTraceTest {

    private static final long SECOND = 1_000_000;

    static Scenario scenario(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Run playedTo(String name, long micros) {
        Run r = new Run(scenario(name));
        r.playTo(micros);
        return r;
    }

    /** The trace, checked for what every trace promises before the test looks at what it says. */
    static List<WhyLink> why(WhySubject subject, Run r) {
        List<WhyLink> links = WhyTrace.explain(subject, r);
        assertWellFormed(links, r, subject.toString());
        return links;
    }

    static List<String> labels(List<WhyLink> links) {
        return links.stream().map(WhyLink::label).toList();
    }

    /**
     * Not empty; every link at or before now and newest first; a link's event is in the log at the link's moment; no
     * link twice; "nothing to explain" only alone.
     */
    static void assertWellFormed(List<WhyLink> links, Run r, String what) {
        long now = r.nowMicros();
        List<CausedEvent> log = r.engine().causedEvents();
        assertThat(links).as(what + ": a trace says at least how things are").isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            WhyLink l = links.get(i);
            assertThat(l.atMicros()).as(what + ": " + l.label() + " is not after now").isBetween(0L, now);
            if (i > 0) {
                assertThat(l.atMicros()).as(what + ": newest first, " + l.label() + " after " + links.get(i - 1).label())
                        .isLessThanOrEqualTo(links.get(i - 1).atMicros());
            }
            if (l.eventId() != null) {
                assertThat(l.eventId()).as(what + ": " + l.label() + " names an event of the log").isBetween(0,
                        log.size() - 1);
                assertThat(log.get(l.eventId()).event().atMicros()).as(what + ": " + l.label() + " at its event's moment")
                        .isEqualTo(l.atMicros());
            }
            assertThat(seen.add(l.label())).as(what + ": " + l.label() + " once").isTrue();
            assertThat(l.label()).as(what + ": a learner never reads \"null\"").doesNotContainPattern("\\bnull\\b");
            assertLearnersWords(l.text(), what + ": " + l.label());
            if (l.text().contains("nothing to explain")) {
                assertThat(links).as(what + ": nothing to explain is said alone").hasSize(1);
            }
        }
    }

    /** The engine's bookkeeping a learner should not have to read in a link (the event log keeps it). */
    private static final java.util.regex.Pattern RAW = java.util.regex.Pattern.compile(
            "\\(s\\)|->|LSN \\d|\\d ms\\b|(?<![-\\w])(global-failover|global-switchover|detach-and-promote|"
                    + "restart-in-place)(?![-\\w])|(?<![-\\w])pg-\\d+/|\\bnull\\b");

    /** Said in the learner's words: no "(s)", no "->", no LSN numbers, no milliseconds, no raw copy ids or kind codes. */
    static void assertLearnersWords(String text, String what) {
        assertThat(text).as(what + ": in the learner's words").isNotBlank().doesNotContainPattern(RAW);
    }

    // ---- AZ+1: the banner -------------------------------------------------------------------------------------------

    @Test
    void theBannerAtThirteenSecondsOfAzPlusOneNamesPg0CopyCAndTheAzNewestFirst() {
        Run r = playedTo("az-plus-one", 13 * SECOND);
        List<String> chain = labels(why(WhySubject.volume(), r));

        assertThat(chain.get(0)).startsWith("0:12.000 · Volume read-only").contains("pg-0");
        assertThat(chain).containsSubsequence(
                "0:12.000 · pg-0 has 3 of 6 copies; writes need 4, so they stop (engine)",
                "0:12.000 · copy C of pg-0 down (scenario)",
                "0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
        assertThat(chain).as("only what led to the state: pg-1 and pg-2 still write").noneMatch(l -> l.contains("pg-1"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theAzPlusOneChainDoesNotDependOnTheSeed(long seed) {
        Run r = new Run(scenario("az-plus-one"), seed);
        r.playTo(13 * SECOND);
        List<String> chain = labels(why(WhySubject.volume(), r));
        assertThat(chain).as("reproduce with seed=" + seed).containsSubsequence(
                "0:12.000 · copy C of pg-0 down (scenario)",
                "0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
    }

    @Test
    void aCopyTheLearnerFailedIsMarkedYouAndTheScenariosAreMarkedScenario() {
        Run r = playedTo("az-plus-one", 11 * SECOND);
        assertThat(r.act(new Command.FailSegment("pg-0/us-east-1a/1")).result().accepted()).isTrue();
        r.playTo(13 * SECOND);

        List<WhyLink> links = why(WhySubject.volume(), r);
        assertThat(labels(links)).containsSubsequence(
                "0:12.000 · pg-0 has 2 of 6 copies; writes need 4, so they stop; a read quorum needs 3 (engine)",
                "0:12.000 · copy C of pg-0 down (scenario)",
                "0:11.000 · copy A of pg-0 down (you)",
                "0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
        assertThat(links).filteredOn(l -> l.origin() == Origin.YOU).hasSize(1);
    }

    @Test
    void anActionInThePastStartsABranchAndIsStillTheLearners() {
        Run r = playedTo("az-plus-one", 20 * SECOND);
        r.seek(11 * SECOND);
        assertThat(r.act(new Command.FailSegment("pg-0/us-east-1a/1")).forked()).as("a new branch").isNotNull();
        r.playTo(13 * SECOND);

        assertThat(labels(why(WhySubject.pg("pg-0"), r))).contains("0:11.000 · copy A of pg-0 down (you)",
                "0:12.000 · copy C of pg-0 down (scenario)");
    }

    @Test
    void aRepairedGroupIsTracedThroughItsRepairAndNamesTheRetiredCopyByItsPlace() {
        Run r = playedTo("az-plus-one", 50 * SECOND);
        assertThat(r.snapshot().volume().writable()).isTrue();
        List<String> chain = labels(why(WhySubject.pg("pg-0"), r));

        assertThat(chain.get(0)).contains("pg-0 has 4 of 6 copies; writes need 4, so they go on");
        // C is no longer in the snapshot (G replaced it): its letter comes from its place, us-east-1b slot 1
        assertThat(chain).anyMatch(l -> l.contains("new copy G replaces C for good"))
                .contains("0:12.000 · copy C of pg-0 down (scenario)",
                        "0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
    }

    @Test
    void whileTheNewCopyFillsTheGroupSaysSoWithoutALinkNewerThanTheState() {
        Run r = playedTo("az-plus-one", 25 * SECOND);
        List<WhyLink> links = why(WhySubject.pg("pg-0"), r);
        assertThat(links.get(0).text()).contains("new copy G is being filled from its peers to replace C (since 0:22.000)");
        assertThat(links.get(0).atMicros()).as("the state was set at 0:12; repair is no cause").isEqualTo(12 * SECOND);
    }

    // ---- a copy down for two reasons --------------------------------------------------------------------------------

    @Test
    void aCopyWhoseNodeFailedAndWhoseAzWentOutIsPutDownToBothNeitherUndone() {
        Run r = playedTo("healthy-cluster", 5 * SECOND);
        EngineSnapshot.SegmentSnapshot a = r.snapshot().pg("pg-0").segments().get(0);
        assertThat(a.letter()).isEqualTo('A');
        assertThat(r.act(new Command.FailStorageNode(a.nodeId())).result().accepted()).isTrue();
        r.playTo(8 * SECOND);
        assertThat(r.act(new Command.FailAvailabilityZone(a.az())).result().accepted()).isTrue();
        r.playTo(10 * SECOND);

        List<WhyLink> links = why(WhySubject.pg("pg-0"), r);
        assertThat(labels(links)).containsExactly(
                "0:08.000 · pg-0 has 4 of 6 copies; writes need 4, so they go on (engine)",
                "0:08.000 · AZ us-east-1a out: copies A and B of pg-0 down (you)",
                "0:05.000 · storage node " + a.nodeId() + " failed: copy A of pg-0 down (you)");
        assertThat(links.subList(1, 3)).as("both still hold").allMatch(WhyLink::holding);
        assertHoldingFaultsHold(links, r, "pg-0");

        // the AZ back, the node still failed: only the node holds A now
        r.act(new Command.RestoreAvailabilityZone(a.az()));
        r.playTo(11 * SECOND);
        assertThat(labels(why(WhySubject.pg("pg-0"), r))).filteredOn(l -> l.contains("down ("))
                .containsExactly("0:05.000 · storage node " + a.nodeId() + " failed: copy A of pg-0 down (you)");
        assertThat(labels(why(WhySubject.node(a.nodeId()), r))).element(1).asString()
                .isEqualTo("0:05.000 · storage node " + a.nodeId() + " failed (you)");
    }

    @Test
    void aCopyFailedWhileItsAzWasOutIsHeldByThatCommandToo() {
        Run r = playedTo("healthy-cluster", 5 * SECOND);
        EngineSnapshot.SegmentSnapshot a = r.snapshot().pg("pg-0").segments().get(0);
        r.act(new Command.FailAvailabilityZone(a.az()));
        r.playTo(8 * SECOND);
        // the copy is down already: the engine logs nothing, and the copy stays down when its AZ returns
        assertThat(r.act(new Command.FailSegment(a.address())).result().accepted()).isTrue();
        r.playTo(10 * SECOND);

        List<WhyLink> links = why(WhySubject.pg("pg-0"), r);
        assertThat(labels(links)).containsSubsequence(
                "0:08.000 · copy A of pg-0 failed while it was already down (you)",
                "0:05.000 · AZ us-east-1a out: copies A and B of pg-0 down (you)");
        assertThat(links.get(0).atMicros()).as("the state's latest change is the command").isEqualTo(8 * SECOND);
        assertHoldingFaultsHold(links, r, "pg-0");
    }

    // ---- failover -------------------------------------------------------------------------------------------------

    @Test
    void duringTheFailoverTheWritersTraceNamesTheLostWriterAndTheReaderBeingPromoted() {
        Run r = playedTo("writer-crash-failover-by-tier", 25 * SECOND);
        List<String> chain = labels(why(WhySubject.writer(), r));

        assertThat(chain.get(0)).contains("In-region failover under way: promoting (writer-1 → reader-3)");
        assertThat(chain).containsSubsequence(
                "0:20.000 · failover from writer-1 to reader-3 (writer failed) (engine)",
                "0:20.000 · health checks find writer writer-1 gone (engine)",
                "0:10.000 · writer writer-1 in us-east-1a lost (scenario)");
        assertThat(labels(why(WhySubject.volume(), r))).as("the banner tells the same chain")
                .contains("0:10.000 · writer writer-1 in us-east-1a lost (scenario)")
                .anyMatch(l -> l.contains("reader-3"));
    }

    @Test
    void beforeDetectionTheWritersTraceHasTheCrashAndNoTargetYet() {
        Run r = playedTo("writer-crash-failover-by-tier", 15 * SECOND);
        List<String> chain = labels(why(WhySubject.writer(), r));
        assertThat(chain.get(0)).contains("detecting (writer-1 → not chosen yet)");
        assertThat(chain).contains("0:10.000 · writer writer-1 in us-east-1a lost (scenario)")
                .noneMatch(l -> l.contains("reader-3"));
    }

    @Test
    void afterTheFailoverTheWritersTraceGoesFromWritesResumingBackToTheCrash() {
        Run r = playedTo("writer-crash-failover-by-tier", 40 * SECOND);
        List<String> chain = labels(why(WhySubject.writer(), r));

        assertThat(chain.get(0)).startsWith("0:37.000 · Last in-region failover: writer-1 → reader-3");
        assertThat(chain).containsSubsequence(
                "0:37.000 · writes resume on reader-3 after 27.0 s (engine)",
                "0:30.000 · reader-3 restarted as the writer and starts crash recovery (engine)",
                "0:20.000 · failover from writer-1 to reader-3 (writer failed) (engine)",
                "0:10.000 · writer writer-1 in us-east-1a lost (scenario)");
    }

    // ---- Global Database --------------------------------------------------------------------------------------------

    @Test
    void theNewPrimarysRoleIsTracedToTheScenariosFailoverAndTheRegionOutageBeforeIt() {
        Run r = playedTo("global-region-outage-failover", 100 * SECOND);
        assertThat(r.snapshot().regionSnapshot("us-west-2").role()).isEqualTo(RegionRole.PRIMARY);
        List<String> chain = labels(why(WhySubject.region("us-west-2"), r));

        assertThat(chain.get(0)).contains("us-west-2 is the primary");
        assertThat(chain).anyMatch(l -> l.startsWith("1:25.000 · global failover (data loss) done: oregon-reader-1 in us-west-2"))
                .anyMatch(l -> l.startsWith("0:25.000 · global failover from us-east-1 to us-west-2 started")
                        && l.endsWith("(scenario)"))
                .contains("0:20.000 · region us-east-1 out (scenario)");
    }

    @Test
    void theOldPrimaryIsASecondaryBeingRebuiltBecauseItCameBackAfterTheFailover() {
        Run r = playedTo("global-region-outage-failover", 150 * SECOND);
        List<String> chain = labels(why(WhySubject.region("us-east-1"), r));

        assertThat(chain.get(0)).startsWith("1:30.000 · us-east-1 is a secondary").contains("rebuilt from us-west-2");
        assertThat(chain).containsSubsequence(
                "1:30.000 · region us-east-1 back (scenario)",
                "0:20.000 · region us-east-1 out (scenario)")
                .anyMatch(l -> l.startsWith("1:30.000 · old primary us-east-1 is being rebuilt") && l.endsWith("(engine)"));
    }

    @Test
    void lostWritesAreTracedToTheFailoverThatGaveThemUpAndTheOutageThatForcedIt() {
        Run r = playedTo("global-region-outage-failover", 100 * SECOND);
        long lost = r.snapshot().counters().acknowledgedWritesLost();
        assertThat(lost).isPositive();
        List<String> chain = labels(why(WhySubject.lostWrites(), r));

        assertThat(chain.get(0)).isEqualTo("0:25.000 · " + lost + " acknowledged writes lost (engine)");
        assertThat(chain).anyMatch(l -> l.contains("not yet replicated to us-west-2"))
                .anyMatch(l -> l.startsWith("0:25.000 · global failover from us-east-1 to us-west-2"))
                .endsWith("0:20.000 · region us-east-1 out (scenario)")
                .as("the writer the region took with it is the outage's effect, not a cause of its own")
                .noneMatch(l -> l.contains("writer writer-1 in us-east-1a lost"));
    }

    // ---- nothing wrong ------------------------------------------------------------------------------------------------

    @Test
    void aHealthySubjectIsOneLinkThatSaysThereIsNothingToExplain() {
        Run r = playedTo("healthy-cluster", 5 * SECOND);
        assertThat(labels(why(WhySubject.volume(), r))).singleElement().asString()
                .startsWith("0:05.000 · Volume writable").endsWith("nothing to explain (engine)");
        assertThat(labels(why(WhySubject.pg("pg-0"), r)))
                .containsExactly("0:05.000 · pg-0 has 6 of 6 copies: nothing to explain (engine)");
        assertThat(labels(why(WhySubject.writer(), r))).singleElement().asString().contains("no failover to explain");
        assertThat(labels(why(WhySubject.lostWrites(), r)))
                .containsExactly("0:05.000 · No acknowledged write was lost: nothing to explain (engine)");
        String region = r.snapshot().region();
        assertThat(labels(why(WhySubject.region(region), r))).containsExactly(
                "0:05.000 · " + region + " is the primary, as the scenario set it up: nothing to explain (engine)");
    }

    @Test
    void twoDestroyedCopiesLeaveAWritingGroupExplainedAndNoLostWrite() {
        Run r = playedTo("two-copies-destroyed", 11 * SECOND);
        assertThat(labels(why(WhySubject.pg("pg-1"), r))).containsSubsequence(
                "0:10.000 · pg-1 has 4 of 6 copies; writes need 4, so they go on (engine)",
                "0:10.000 · copy F of pg-1 destroyed with its data (scenario)",
                "0:10.000 · copy A of pg-1 destroyed with its data (scenario)");
        assertThat(labels(why(WhySubject.pg("pg-0"), r))).singleElement().asString().contains("nothing to explain");

        r.playTo(r.scenario().durationMicros());
        assertThat(labels(why(WhySubject.lostWrites(), r))).singleElement().asString()
                .contains("No acknowledged write was lost");
    }

    // ---- every built-in, every subject ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"healthy-cluster", "lose-an-az", "az-plus-one", "writer-crash-failover-by-tier",
            "writer-crash-no-replica", "writer-restart-vs-failover", "two-copies-destroyed", "replica-lag-burst",
            "global-switchover", "global-region-outage-failover", "global-detach-and-promote",
            "global-write-forwarding", "global-managed-rpo"})
    void everySubjectOfEveryBuiltInHasAWellFormedTraceAlongTheRun(String name) {
        assertThat(BuiltInScenarios.NAMES).contains(name);
        Scenario s = scenario(name);
        long end = Math.min(s.durationMicros(), 4 * 60 * SECOND);
        Run r = new Run(s);
        for (int k = 1; k <= 4; k++) {
            r.playTo(end * k / 4);
            EngineSnapshot now = r.snapshot();
            List<WhySubject> subjects = new java.util.ArrayList<>(List.of(WhySubject.volume(), WhySubject.writer(),
                    WhySubject.lostWrites()));
            now.regionsOrPrimary().forEach(g -> {
                subjects.add(WhySubject.region(g.region()));
                g.volume().protectionGroups().forEach(pg -> subjects.add(WhySubject.pg(pg.id())));
            });
            for (WhySubject subject : subjects) {
                List<WhyLink> links = WhyTrace.explain(subject, r);
                assertWellFormed(links, r, name + " at " + now.nowMicros() + " µs, " + subject);
                boolean fine = links.get(0).text().contains("nothing to explain");
                if (subject instanceof WhySubject.Volume) {
                    assertThat(fine).as(name + ": the banner is explained unless the volume writes")
                            .isEqualTo(now.volume().why() instanceof dev.auroralab.engine.snapshot.VolumeReason.Writing);
                }
                if (subject instanceof WhySubject.LostWrites) {
                    assertThat(fine).as(name + ": lost writes are explained when there are some")
                            .isEqualTo(now.counters().acknowledgedWritesLost() == 0);
                }
            }
        }
    }

    // ---- the elements: every AZ, storage node, instance and endpoint ----------------------------------------------------

    /** The subjects of every element the topology draws, in every region. */
    static List<WhySubject> elementSubjects(EngineSnapshot now) {
        List<WhySubject> out = new java.util.ArrayList<>();
        for (EngineSnapshot.RegionSnapshot g : now.regionsOrPrimary()) {
            g.azs().forEach(az -> out.add(WhySubject.az(az)));
            g.storageNodes().forEach(n -> out.add(WhySubject.node(n.id())));
            g.instances().forEach(i -> out.add(WhySubject.instance(i.id())));
            out.add(WhySubject.endpoint("cluster", g.region()));
            out.add(WhySubject.endpoint("reader", g.region()));
        }
        return out;
    }

    /**
     * Every link marked as holding is a fault the snapshot says still holds: the copy failed by a user, the node
     * failed, the AZ among its region's down AZs and not restored since, the region down, the instance down.
     */
    static void assertHoldingFaultsHold(List<WhyLink> links, Run r, String what) {
        EngineSnapshot now = r.snapshot();
        List<CausedEvent> log = r.engine().causedEvents();
        for (WhyLink l : links) {
            if (!l.holding()) {
                continue;
            }
            String as = what + ": " + l.label() + " holds now";
            if (l.eventId() == null) {
                // a copy failed while it was down logs nothing: the command stands for it
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("copy (\\w) of (\\S+) failed while it was already down").matcher(l.text());
                assertThat(m.find()).as(as + ": a holding link without an event is such a command").isTrue();
                assertThat(copies(now).filter(c -> c.letter() == m.group(1).charAt(0)
                        && InspectorPgOf.pg(c.id()).equals(m.group(2))).anyMatch(c -> c.failedByUser()
                        && !c.state().accepting())).as(as).isTrue();
                continue;
            }
            var e = log.get(l.eventId()).event();
            if (e instanceof dev.auroralab.engine.event.AuroraEvent.SegmentFailed x) {
                assertThat(copies(now).filter(c -> c.id().equals(x.segment()))
                        .anyMatch(c -> c.failedByUser() && !c.state().accepting())).as(as).isTrue();
            } else if (e instanceof dev.auroralab.engine.event.AuroraEvent.SegmentDestroyed x) {
                assertThat(copies(now).filter(c -> c.id().equals(x.segment()))
                        .anyMatch(c -> c.state() == dev.auroralab.engine.storage.SegmentState.DESTROYED)).as(as).isTrue();
            } else if (e instanceof dev.auroralab.engine.event.AuroraEvent.StorageNodeFailed x) {
                assertThat(now.regionsOrPrimary().stream().flatMap(g -> g.storageNodes().stream())
                        .anyMatch(n -> n.id().equals(x.nodeId()) && n.failed())).as(as).isTrue();
            } else if (e instanceof dev.auroralab.engine.event.AuroraEvent.AvailabilityZoneFailed x) {
                assertThat(now.regionsOrPrimary().stream().anyMatch(g -> g.downAzs().contains(x.az()))).as(as).isTrue();
                assertThat(log.subList(l.eventId(), log.size()).stream().map(CausedEvent::event)
                        .noneMatch(y -> y instanceof dev.auroralab.engine.event.AuroraEvent.AvailabilityZoneRestored z
                                && z.az().equals(x.az()) && y.atMicros() <= now.nowMicros()))
                        .as(as + ": not restored since").isTrue();
            } else if (e instanceof dev.auroralab.engine.event.AuroraEvent.RegionFailed x) {
                assertThat(now.regionsOrPrimary().stream().anyMatch(g -> g.region().equals(x.region())
                        && g.role() == RegionRole.DOWN)).as(as).isTrue();
            } else if (e instanceof dev.auroralab.engine.event.AuroraEvent.InstanceFailed x) {
                assertThat(now.regionsOrPrimary().stream().flatMap(g -> g.instances().stream())
                        .anyMatch(i -> i.id().equals(x.instanceId())
                                && i.status() == EngineSnapshot.InstanceStatus.DOWN)).as(as).isTrue();
            } else {
                throw new AssertionError(as + ": a holding link is a fault, not " + e.type());
            }
        }
    }

    private static java.util.stream.Stream<EngineSnapshot.SegmentSnapshot> copies(EngineSnapshot now) {
        return now.regionsOrPrimary().stream().flatMap(g -> g.volume().protectionGroups().stream())
                .flatMap(pg -> pg.segments().stream());
    }

    /** The group of a copy: its id less "/AZ/copy". */
    private static final class InspectorPgOf {
        static String pg(String segmentId) {
            int last = segmentId.lastIndexOf('/');
            return segmentId.substring(0, segmentId.lastIndexOf('/', last - 1));
        }
    }

    /** The element traces, and what a down element's trace must hold: its reason. */
    static void assertElementsExplained(Run r, String what) {
        EngineSnapshot now = r.snapshot();
        for (WhySubject subject : elementSubjects(now)) {
            List<WhyLink> links = WhyTrace.explain(subject, r);
            String as = what + " at " + now.nowMicros() + " µs, " + subject;
            assertWellFormed(links, r, as);
            assertHoldingFaultsHold(links, r, as);
            boolean fine = links.get(0).text().contains("nothing to explain");
            boolean held = links.stream().anyMatch(WhyLink::holding);
            for (EngineSnapshot.RegionSnapshot g : now.regionsOrPrimary()) {
                if (subject instanceof WhySubject.AvailabilityZone a && g.azs().contains(a.name())) {
                    assertThat(fine).as(as + ": fine exactly when up").isEqualTo(!g.downAzs().contains(a.name()));
                    assertThat(held).as(as + ": an AZ out is held by its outage or its region's").isEqualTo(!fine);
                }
                for (var n : g.storageNodes()) {
                    if (subject instanceof WhySubject.StorageNode s && s.id().equals(n.id())) {
                        assertThat(fine).as(as + ": fine exactly when up").isEqualTo(n.up());
                        assertThat(held).as(as + ": a node down is held by a fault").isEqualTo(!n.up());
                    }
                }
                for (var i : g.instances()) {
                    if (subject instanceof WhySubject.Instance s && s.id().equals(i.id())) {
                        if (i.status() != EngineSnapshot.InstanceStatus.UP) {
                            assertThat(fine).as(as + ": an instance " + i.status().label() + " is explained").isFalse();
                        }
                        if (i.status() == EngineSnapshot.InstanceStatus.DOWN) {
                            assertThat(links).as(as + ": a down instance has its reason").hasSizeGreaterThan(1);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("builtIns")
    void everyElementOfEveryBuiltInIsExplainedNewestFirstByFaultsThatHoldNow(String name) {
        Scenario s = scenario(name);
        long end = Math.min(s.durationMicros(), 4 * 60 * SECOND);
        Run r = new Run(s);
        for (int k = 1; k <= 6; k++) {
            r.playTo(end * k / 6);
            assertElementsExplained(r, name);
        }
    }

    static List<String> builtIns() {
        return BuiltInScenarios.NAMES;
    }

    /**
     * Seeded random faults and repairs (nodes, AZs, copies, instances) on two clusters: at each step, every element's
     * trace and every group's is well formed, and every link it marks as holding names a fault that holds now.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void underSeededRandomFaultsEveryHoldingLinkNamesAFaultThatHoldsNow(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String name = seed % 2 == 0 ? "healthy-cluster" : "global-write-forwarding";
        Run r = new Run(scenario(name), seed);
        long t = SECOND;
        for (int step = 0; step < 20; step++) {
            t += (1 + random.nextInt(4)) * SECOND;
            r.playTo(t);
            Command c = randomCommand(r.snapshot(), random);
            r.act(c);
            r.playTo(t + 500_000);
            String what = name + " seed=" + seed + " step " + step + " after " + c.describe();
            assertElementsExplained(r, what);
            for (var g : r.snapshot().regionsOrPrimary()) {
                for (var pg : g.volume().protectionGroups()) {
                    List<WhyLink> links = WhyTrace.explain(WhySubject.pg(pg.id()), r);
                    assertWellFormed(links, r, what + ", " + pg.id());
                    assertHoldingFaultsHold(links, r, what + ", " + pg.id());
                }
            }
        }
    }

    /**
     * A fault or a repair of a random element; restores come about as often as faults. Mostly in one AZ of the first
     * region, so faults overlap: a node failed inside an AZ out, a copy failed on a failed node.
     */
    static Command randomCommand(EngineSnapshot now, java.util.Random random) {
        boolean focus = random.nextInt(4) > 0;
        var regions = now.regionsOrPrimary();
        EngineSnapshot.RegionSnapshot g = focus ? regions.get(0) : regions.get(random.nextInt(regions.size()));
        String az = focus ? g.azs().get(0) : g.azs().get(random.nextInt(g.azs().size()));
        var nodes = g.storageNodes().stream().filter(n -> n.az().equals(az)).toList();
        var node = nodes.get(random.nextInt(nodes.size()));
        var pg = g.volume().protectionGroups().get(random.nextInt(g.volume().protectionGroups().size()));
        var inAz = pg.segments().stream().filter(x -> x.az().equals(az)).toList();
        var copy = inAz.get(random.nextInt(inAz.size()));
        var instance = g.instances().get(random.nextInt(g.instances().size()));
        return switch (random.nextInt(8)) {
            case 0 -> new Command.FailStorageNode(node.id());
            case 1 -> new Command.RestoreStorageNode(node.id());
            case 2 -> new Command.FailAvailabilityZone(az);
            case 3 -> new Command.RestoreAvailabilityZone(az);
            case 4 -> new Command.FailSegment(copy.address());
            case 5 -> new Command.RestoreSegment(copy.address());
            case 6 -> new Command.FailInstance(instance.id());
            default -> new Command.RestoreInstance(instance.id());
        };
    }
}
