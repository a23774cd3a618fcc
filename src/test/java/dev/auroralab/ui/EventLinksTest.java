package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.vm;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.ScenarioRunner;
import dev.auroralab.ui.EventLinks.Family;
import dev.auroralab.ui.Selection.Kind;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every engine event type has a family for the log's filter and, when it names an element, a link that selects
 * that element. The tables below list every event type, so a new type fails here until someone decides both.
 */
class EventLinksTest {

    private static final Map<String, Family> FAMILY = Map.ofEntries(
            entry("InstanceFailed", Family.FAULTS), entry("InstanceRestarting", Family.FAULTS),
            entry("InstanceCrashed", Family.FAULTS), entry("InstanceReplaced", Family.FAULTS),
            entry("InstanceStarted", Family.FAULTS), entry("AvailabilityZoneFailed", Family.FAULTS),
            entry("AvailabilityZoneRestored", Family.FAULTS), entry("StorageNodeFailed", Family.FAULTS),
            entry("StorageNodeRestored", Family.FAULTS), entry("SegmentFailed", Family.FAULTS),
            entry("SegmentRestored", Family.FAULTS), entry("SegmentDestroyed", Family.FAULTS),
            entry("SegmentCaughtUp", Family.REPAIR), entry("MembershipChangeStarted", Family.REPAIR),
            entry("SegmentHydrated", Family.REPAIR), entry("MembershipChangeCommitted", Family.REPAIR),
            entry("ProtectionGroupRestoredFromBackup", Family.REPAIR), entry("BoxcarsResent", Family.REPAIR),
            entry("MembershipChangeRolledBack", Family.REPAIR), entry("DegradedQuorumEntered", Family.REPAIR),
            entry("DegradedQuorumLeft", Family.REPAIR),
            entry("WriteQuorumLost", Family.QUORUM), entry("WriteQuorumRegained", Family.QUORUM),
            entry("ReadQuorumLost", Family.QUORUM), entry("ReadQuorumRegained", Family.QUORUM),
            entry("VolumeStatusChanged", Family.QUORUM), entry("StaleWriteRejected", Family.QUORUM),
            entry("LsnAllocationLimitReached", Family.QUORUM), entry("AcknowledgedWritesLost", Family.QUORUM),
            entry("WriterFailureDetected", Family.FAILOVER), entry("FailoverStarted", Family.FAILOVER),
            entry("WriterRecreationStarted", Family.FAILOVER), entry("NoWriterAvailable", Family.FAILOVER),
            entry("WriterPromoted", Family.FAILOVER), entry("CrashRecoveryCompleted", Family.FAILOVER),
            entry("ClusterEndpointMoved", Family.FAILOVER), entry("FailoverCompleted", Family.FAILOVER),
            entry("ReplicaAdded", Family.ACTIONS), entry("ReplicaRemoved", Family.ACTIONS),
            entry("PromotionTierChanged", Family.ACTIONS), entry("WorkloadChanged", Family.ACTIONS),
            entry("CommandRejected", Family.ACTIONS),
            entry("RegionFailed", Family.FAULTS), entry("RegionRestored", Family.FAULTS),
            entry("GlobalSwitchoverStarted", Family.GLOBAL), entry("GlobalSecondaryInSync", Family.GLOBAL),
            entry("GlobalPromotionStarted", Family.GLOBAL), entry("GlobalPromotionCompleted", Family.GLOBAL),
            entry("GlobalOperationCancelled", Family.GLOBAL), entry("RegionRebuildStarted", Family.GLOBAL),
            entry("OldPrimarySnapshotTaken", Family.GLOBAL),
            entry("RegionRejoined", Family.GLOBAL), entry("SplitBrainDetected", Family.GLOBAL),
            entry("SplitBrainEnded", Family.GLOBAL), entry("ManagedRpoChanged", Family.GLOBAL),
            entry("CommitsBlocked", Family.GLOBAL), entry("CommitsUnblocked", Family.GLOBAL),
            entry("WriteForwardingChanged", Family.GLOBAL));

    /** The element an event links to: its kind and the record component that names it. */
    private record Link(Kind kind, String component) {
    }

    private static final Link NONE = new Link(null, null);

    private static final Map<String, Link> LINK = Map.ofEntries(
            entry("InstanceFailed", new Link(Kind.INSTANCE, "instanceId")),
            entry("InstanceRestarting", new Link(Kind.INSTANCE, "instanceId")),
            entry("InstanceCrashed", new Link(Kind.INSTANCE, "instanceId")),
            entry("InstanceReplaced", new Link(Kind.INSTANCE, "instanceId")),
            entry("InstanceStarted", new Link(Kind.INSTANCE, "instanceId")),
            entry("AvailabilityZoneFailed", new Link(Kind.AVAILABILITY_ZONE, "az")),
            entry("AvailabilityZoneRestored", new Link(Kind.AVAILABILITY_ZONE, "az")),
            entry("StorageNodeFailed", new Link(Kind.STORAGE_NODE, "nodeId")),
            entry("StorageNodeRestored", new Link(Kind.STORAGE_NODE, "nodeId")),
            entry("SegmentFailed", new Link(Kind.SEGMENT, "segment")),
            entry("SegmentRestored", new Link(Kind.SEGMENT, "segment")),
            entry("SegmentDestroyed", new Link(Kind.SEGMENT, "segment")),
            entry("SegmentCaughtUp", new Link(Kind.SEGMENT, "segment")),
            entry("SegmentHydrated", new Link(Kind.SEGMENT, "segment")),
            entry("ProtectionGroupRestoredFromBackup", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("BoxcarsResent", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("MembershipChangeStarted", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("MembershipChangeCommitted", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("MembershipChangeRolledBack", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("DegradedQuorumEntered", new Link(Kind.AVAILABILITY_ZONE, "az")),
            entry("DegradedQuorumLeft", new Link(Kind.AVAILABILITY_ZONE, "az")),
            entry("WriteQuorumLost", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("WriteQuorumRegained", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("ReadQuorumLost", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("ReadQuorumRegained", new Link(Kind.PROTECTION_GROUP, "pg")),
            entry("VolumeStatusChanged", NONE),
            entry("StaleWriteRejected", new Link(Kind.SEGMENT, "segment")),
            entry("LsnAllocationLimitReached", NONE),
            entry("AcknowledgedWritesLost", NONE),
            entry("WriterFailureDetected", new Link(Kind.INSTANCE, "writer")),
            entry("FailoverStarted", new Link(Kind.INSTANCE, "to")),
            entry("WriterRecreationStarted", new Link(Kind.INSTANCE, "instanceId")),
            entry("NoWriterAvailable", NONE),
            entry("WriterPromoted", new Link(Kind.INSTANCE, "instanceId")),
            entry("CrashRecoveryCompleted", new Link(Kind.INSTANCE, "writer")),
            entry("ClusterEndpointMoved", new Link(Kind.ENDPOINT, null)),
            entry("FailoverCompleted", new Link(Kind.INSTANCE, "to")),
            entry("ReplicaAdded", new Link(Kind.INSTANCE, "instanceId")),
            entry("ReplicaRemoved", NONE), // the replica is gone: nothing to select
            entry("PromotionTierChanged", new Link(Kind.INSTANCE, "instanceId")),
            entry("WorkloadChanged", NONE),
            entry("CommandRejected", NONE),
            entry("RegionFailed", new Link(Kind.REGION, "region")),
            entry("RegionRestored", new Link(Kind.REGION, "region")),
            entry("GlobalSwitchoverStarted", new Link(Kind.REGION, "to")),
            entry("GlobalSecondaryInSync", new Link(Kind.REGION, "region")),
            entry("GlobalPromotionStarted", new Link(Kind.REGION, "to")),
            entry("GlobalPromotionCompleted", new Link(Kind.REGION, "to")),
            entry("GlobalOperationCancelled", new Link(Kind.REGION, "region")),
            entry("RegionRebuildStarted", new Link(Kind.REGION, "region")),
            entry("OldPrimarySnapshotTaken", new Link(Kind.REGION, "region")),
            entry("RegionRejoined", new Link(Kind.REGION, "region")),
            entry("SplitBrainDetected", NONE), // two regions: the alarm bar names both
            entry("SplitBrainEnded", NONE),
            entry("ManagedRpoChanged", NONE),
            entry("CommitsBlocked", NONE),
            entry("CommitsUnblocked", new Link(Kind.REGION, "region")),
            entry("WriteForwardingChanged", new Link(Kind.REGION, "region")));

    @SuppressWarnings("unchecked")
    private static List<Class<? extends AuroraEvent>> eventTypes() {
        Class<?>[] permitted = AuroraEvent.class.getPermittedSubclasses();
        assertThat(permitted).as("AuroraEvent is sealed").isNotNull();
        List<Class<? extends AuroraEvent>> out = new ArrayList<>();
        for (Class<?> c : permitted) {
            out.add((Class<? extends AuroraEvent>) c);
        }
        return out;
    }

    /** An instance of a record event with each text component set to "<component>-value". */
    private static AuroraEvent sample(Class<? extends AuroraEvent> type) {
        assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = types[i];
            args[i] = t == long.class ? 1_000L + i : t == int.class ? 3 + i : t == double.class ? 2.5 + i
                    : t == boolean.class ? Boolean.TRUE : t == String.class ? components[i].getName() + "-value"
                    : t == List.class ? List.of(components[i].getName() + "-value")
                    : t.isEnum() ? t.getEnumConstants()[0] : null;
            assertThat(args[i]).as("%s.%s: a component type the test can fill", type.getSimpleName(),
                    components[i].getName()).isNotNull();
        }
        try {
            Constructor<? extends AuroraEvent> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + type.getSimpleName(), e);
        }
    }

    @Test
    void theTablesNameEveryEventTypeTheEngineHasAndNoOther() {
        Set<String> types = new HashSet<>(eventTypes().stream().map(Class::getSimpleName).toList());
        assertThat(types).hasSizeGreaterThan(30);
        assertThat(FAMILY.keySet()).as("families decided").isEqualTo(types);
        assertThat(LINK.keySet()).as("links decided").isEqualTo(types);
    }

    @Test
    void everyEventTypeFallsInItsOwnFamilyAndNeverInAll() {
        for (Class<? extends AuroraEvent> type : eventTypes()) {
            AuroraEvent e = sample(type);
            assertThat(e.type()).isEqualTo(type.getSimpleName());
            Family f = EventLinks.family(e);
            assertThat(f).as(e.type()).isNotEqualTo(Family.ALL).isEqualTo(FAMILY.get(e.type()));
            assertThat(Family.ALL.contains(e)).isTrue();
            for (Family other : Family.values()) {
                assertThat(other.contains(e)).as("%s in %s", e.type(), other)
                        .isEqualTo(other == Family.ALL || other == f);
            }
        }
    }

    @Test
    void everyEventThatNamesAnElementLinksToASelectionOfTheRightKind() throws Exception {
        for (Class<? extends AuroraEvent> type : eventTypes()) {
            AuroraEvent e = sample(type);
            Link link = LINK.get(e.type());
            Selection s = EventLinks.subject(e);
            if (link.kind() == null) {
                assertThat(s).as(e.type()).isNull();
                continue;
            }
            assertThat(s).as(e.type()).isNotNull();
            assertThat(s.kind()).as(e.type()).isEqualTo(link.kind());
            String expectedId = link.component() == null ? "cluster"
                    : (String) type.getMethod(link.component()).invoke(e);
            assertThat(s.id()).as(e.type()).isEqualTo(expectedId);
        }
    }

    @Test
    void aFailoverEventWithNoTargetLinksToNothing() {
        assertThat(EventLinks.subject(new AuroraEvent.FailoverStarted(1, "writer-1", null, "writer failed")))
                .isNull();
        assertThat(EventLinks.subject(new AuroraEvent.FailoverCompleted(1, "writer-1", null, 5))).isNull();
    }

    @Test
    void theFamiliesHaveTheLabelsTheFilterShows() {
        assertThat(Arrays.stream(Family.values()).map(Family::toString)).containsExactly("All events",
                "Faults and restores", "Repair and membership", "Quorum and volume", "Writer and failover",
                "Replicas, workload, refusals", "Global Database");
    }

    /**
     * Runs a scenario, stopping at each instant something is logged (the instants the command-line runner logs), and
     * checks that each log line links to an element that exists in the snapshot at that moment and that the
     * inspector can show.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"az-plus-one", "two-copies-destroyed", "writer-crash-failover-by-tier",
            "global-region-outage-failover", "global-detach-and-promote", "global-managed-rpo"})
    void everyLoggedEventOfARealRunLinksToAnElementOfTheSnapshotAtThatMoment(String name) {
        SimulationViewModel vm = vm(name);
        List<Long> instants = ScenarioRunner.run(vm.scenario(), null, null).events().stream()
                .map(AuroraEvent::atMicros).distinct().toList();
        List<String> linked = new ArrayList<>();
        int seen = 0;
        for (long t : instants) {
            vm.advanceTo(t);
            EngineSnapshot s = vm.snapshot();
            for (AuroraEvent e : vm.events().subList(seen, vm.events().size())) {
                Selection sel = EventLinks.subject(e);
                if (sel == null) {
                    continue;
                }
                // selecting it shows the region that holds it (a secondary's instance, say), as a click would
                vm.select(sel);
                EngineSnapshot view = vm.viewSnapshot();
                assertThat(exists(sel, view)).as("%s at %d µs links to %s", e.type(), e.atMicros(), sel.describe())
                        .isTrue();
                // the element's heading and the volume's; a region adds the Global Database's
                assertThat(InspectorModel.fields(sel, view).stream().filter(InspectorModel.Field::heading).count())
                        .as("the inspector shows %s", sel.describe())
                        .isEqualTo(sel.kind() == Kind.REGION ? 3 : 2);
                linked.add(e.type());
            }
            seen = vm.events().size();
        }
        assertThat(linked).isNotEmpty();
    }

    private static boolean exists(Selection sel, EngineSnapshot s) {
        return switch (sel.kind()) {
            case INSTANCE -> s.instance(sel.id()) != null;
            case AVAILABILITY_ZONE -> s.azs().contains(sel.id());
            case STORAGE_NODE -> s.storageNodes().stream().anyMatch(n -> n.id().equals(sel.id()));
            case SEGMENT -> s.segment(sel.id()) != null;
            case PROTECTION_GROUP -> s.pg(sel.id()) != null;
            case ENDPOINT -> sel.id().equals("cluster") || sel.id().equals("reader");
            case VOLUME -> true;
            case REGION -> s.regionSnapshot(sel.id()) != null;
        };
    }
}
