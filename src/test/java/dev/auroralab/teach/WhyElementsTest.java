package dev.auroralab.teach;

import static dev.auroralab.teach.WhyTraceTest.labels;
import static dev.auroralab.teach.WhyTraceTest.playedTo;
import static dev.auroralab.teach.WhyTraceTest.why;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.run.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "why?" of the topology's elements (issue 14): an AZ, a storage node, an instance and an endpoint each have a
 * trace of their own, with the state first, then what holds it (marked as holding) and the causes, newest first.
 */
class WhyElementsTest {

    private static final long SECOND = 1_000_000;

    // ---- an Availability Zone ---------------------------------------------------------------------------------------

    @Test
    void anAzOutSaysWhatWentWithItAndTheScenariosOutageHoldsIt() {
        Run r = playedTo("az-plus-one", 13 * SECOND);
        List<WhyLink> links = why(WhySubject.az("us-east-1c"), r);
        assertThat(labels(links)).containsExactly(
                "0:10.000 · AZ us-east-1c is out, and with it its 4 storage nodes and copies E and F of pg-0, pg-1"
                        + " and pg-2 (engine)",
                "0:10.000 · AZ us-east-1c out (scenario)");
        assertThat(links.get(1).holding()).as("the outage is not undone: it holds the AZ out").isTrue();
        assertThat(labels(why(WhySubject.az("us-east-1a"), r)))
                .containsExactly("0:13.000 · AZ us-east-1a is up: nothing to explain (engine)");
    }

    @Test
    void anAzOutWithItsRegionIsHeldByTheRegionsOutage() {
        Run r = playedTo("global-region-outage-failover", 30 * SECOND);
        List<WhyLink> links = why(WhySubject.az("us-east-1a"), r);
        assertThat(links.get(0).text()).startsWith("AZ us-east-1a is out with its region us-east-1, and with it writer-1");
        assertThat(links).filteredOn(WhyLink::holding).extracting(WhyLink::label)
                .containsExactly("0:20.000 · region us-east-1 out (scenario)");
    }

    // ---- a storage node ---------------------------------------------------------------------------------------------

    @Test
    void aNodeTheLearnerFailedNamesItsCopiesAndIsTheLearnersDoing() {
        Run r = playedTo("healthy-cluster", 5 * SECOND);
        String node = r.snapshot().storageNodes().get(0).id();
        assertThat(r.act(new Command.FailStorageNode(node)).result().accepted()).isTrue();
        r.playTo(7 * SECOND);

        List<WhyLink> links = why(WhySubject.node(node), r);
        assertThat(links.get(0).label()).startsWith("0:05.000 · Storage node " + node + " in us-east-1a is down, and"
                + " with it cop");
        assertThat(links.get(1).label()).isEqualTo("0:05.000 · storage node " + node + " failed (you)");
        assertThat(links.get(1).holding()).isTrue();
        assertThat(links).hasSize(2);
        String other = r.snapshot().storageNodes().get(5).id();
        assertThat(labels(why(WhySubject.node(other), r))).singleElement().asString().contains("is up, holding")
                .endsWith("nothing to explain (engine)");
    }

    // ---- an instance --------------------------------------------------------------------------------------------------

    @Test
    void theLostWriterIsHeldDownByItsLossAndSaysWhatReplacesIt() {
        Run r = playedTo("writer-crash-failover-by-tier", 25 * SECOND);
        List<WhyLink> links = why(WhySubject.instance("writer-1"), r);
        assertThat(labels(links)).containsExactly(
                "0:10.000 · writer-1 in us-east-1a is down; the failover that replaces it as the writer: promoting"
                        + " (writer-1 → reader-3) (engine)",
                "0:10.000 · writer writer-1 in us-east-1a lost (scenario)");
        assertThat(links.get(1).holding()).isTrue();
    }

    @Test
    void theReaderBeingPromotedThenRecoveringThenWritingIsTracedBackToTheLoss() {
        Run r = playedTo("writer-crash-failover-by-tier", 25 * SECOND);
        assertThat(labels(why(WhySubject.instance("reader-3"), r))).containsExactly(
                "0:20.000 · reader-3 is being promoted to writer (failover from writer-1) (engine)",
                "0:20.000 · health checks find writer writer-1 gone (engine)",
                "0:10.000 · writer writer-1 in us-east-1a lost (scenario)");

        r.playTo(31 * SECOND);
        assertThat(labels(why(WhySubject.instance("reader-3"), r))).first().asString()
                .isEqualTo("0:30.000 · reader-3 is the writer and runs crash recovery before it takes writes (engine)");

        r.playTo(60 * SECOND);
        List<String> chain = labels(why(WhySubject.instance("reader-3"), r));
        assertThat(chain.get(0)).isEqualTo("0:37.000 · reader-3 is up as the writer: it took over the writes (engine)");
        assertThat(chain).contains("0:37.000 · writes resume on reader-3 after 27.0 s (engine)")
                .endsWith("0:10.000 · writer writer-1 in us-east-1a lost (scenario)");
    }

    @Test
    void aRestartingRecreatedOrHealthyInstanceSaysSo() {
        Run crash = playedTo("writer-restart-vs-failover", 15 * SECOND);
        List<String> restart = labels(why(WhySubject.instance("writer-1"), crash));
        assertThat(restart.get(0)).isEqualTo("0:10.000 · writer-1 is restarting (ready at 0:20.000) (engine)");
        assertThat(restart).hasSize(2).last().asString().startsWith("0:10.000 ·").endsWith("(scenario)")
                .contains("writer-1").contains("crash");

        Run none = playedTo("writer-crash-no-replica", 60 * SECOND);
        List<String> recreate = labels(why(WhySubject.instance("writer-1"), none));
        assertThat(recreate.get(0)).startsWith("0:40.000 · writer-1 is being recreated on a new host in us-east-1a"
                + " (ready at ");
        assertThat(recreate).last().asString().isEqualTo("0:30.000 · writer writer-1 in us-east-1a lost (scenario)");

        Run restored = playedTo("writer-crash-failover-by-tier", 60 * SECOND);
        assertThat(labels(why(WhySubject.instance("writer-1"), restored))).as("the restart's cause is the command")
                .containsExactly("1:00.000 · writer-1 is restarting (ready at 1:10.000) (engine)",
                        "1:00.000 · writer-1 restored (scenario)");

        Run healthy = playedTo("healthy-cluster", 5 * SECOND);
        assertThat(labels(why(WhySubject.instance("reader-1"), healthy))).containsExactly(
                "0:05.000 · reader-1 is up and healthy, serving reads: nothing to explain (engine)");
        assertThat(labels(why(WhySubject.instance("writer-1"), healthy))).containsExactly(
                "0:05.000 · writer-1 is up and healthy, the writer from the start: nothing to explain (engine)");
    }

    @Test
    void theOldPrimarysWriterIsAReaderBecauseOfTheSwitchover() {
        Run r = playedTo("global-switchover", 60 * SECOND);
        List<String> chain = labels(why(WhySubject.instance("writer-1"), r));
        assertThat(chain.get(0)).endsWith("writer-1 is up as a reader: us-east-1 stopped taking the writes in the"
                + " global switchover to eu-west-1 (engine)");
        assertThat(chain).anyMatch(l -> l.contains("eu-west-1 holds every acknowledged write"));
    }

    // ---- the endpoints --------------------------------------------------------------------------------------------------

    @Test
    void theClusterEndpointStaysOnTheLostWriterUntilTheNewOneHasRecoveredThenMovesByDns() {
        Run r = playedTo("writer-crash-failover-by-tier", 31 * SECOND);
        List<String> during = labels(why(WhySubject.endpoint("cluster", null), r));
        assertThat(during.get(0)).isEqualTo("0:30.000 · The cluster (writer) endpoint still points to writer-1, which"
                + " is down; it moves to the new writer once that has recovered, and clients follow after the DNS TTL"
                + " (engine)");
        assertThat(during).contains("0:30.000 · In-region failover under way: recovering (writer-1 → reader-3) (engine)")
                .last().asString().isEqualTo("0:10.000 · writer writer-1 in us-east-1a lost (scenario)");

        r.playTo(60 * SECOND);
        List<String> after = labels(why(WhySubject.endpoint("cluster", null), r));
        assertThat(after.get(0)).isEqualTo("0:37.000 · The cluster (writer) endpoint points to reader-3 (engine)");
        assertThat(after.get(1)).startsWith("0:37.000 ·").contains("reader-3").contains("endpoint");
        assertThat(after).last().asString().isEqualTo("0:10.000 · writer writer-1 in us-east-1a lost (scenario)");

        Run healthy = playedTo("healthy-cluster", 5 * SECOND);
        assertThat(labels(why(WhySubject.endpoint("cluster", null), healthy))).singleElement().asString()
                .contains("points to writer-1").endsWith("nothing to explain (engine)");
    }

    @Test
    void theReaderEndpointNamesTheReadersItLeavesOutAndWhy() {
        Run r = playedTo("writer-crash-failover-by-tier", 25 * SECOND);
        List<String> chain = labels(why(WhySubject.endpoint("reader", null), r));
        assertThat(chain.get(0)).isEqualTo("0:20.000 · The reader endpoint sends reads to reader-1 and reader-2; not to"
                + " writer-1 (down) and reader-3 (promoting) (engine)");
        assertThat(chain).contains("0:20.000 · reader-3 is being promoted to writer (failover from writer-1) (engine)",
                "0:10.000 · writer writer-1 in us-east-1a lost (scenario)");

        Run none = playedTo("writer-crash-no-replica", 35 * SECOND);
        assertThat(labels(why(WhySubject.endpoint("reader", null), none)).get(0))
                .as("no replica and the writer down: reads fail, and that is explained")
                .contains("sends reads to no instance, so reads fail; not to writer-1 (down)");
    }

    @Test
    void anUnknownElementSaysSoInsteadOfFailing() {
        Run r = playedTo("healthy-cluster", 1 * SECOND);
        assertThat(labels(why(WhySubject.instance("reader-9"), r))).singleElement().asString()
                .contains("No instance reader-9");
        assertThat(labels(why(WhySubject.az("eu-west-1a"), r))).singleElement().asString().contains("No AZ eu-west-1a");
        assertThat(labels(why(WhySubject.node("sn-x"), r))).singleElement().asString().contains("No storage node sn-x");
        assertThat(labels(why(WhySubject.endpoint("reader", "mars-1"), r))).singleElement().asString()
                .contains("No region mars-1");
    }
}
