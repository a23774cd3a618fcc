package dev.auroralab.teach;

import java.util.Objects;

/**
 * What a learner asks "why?" about: the things the window shows a state for. Each names its element as the engine
 * does (a protection group's id, a region's name).
 */
public sealed interface WhySubject {

    /** The write region's volume: the banner's "writable", "read-only" or "unavailable". */
    record Volume() implements WhySubject {
    }

    /** One protection group's copies and quorums: its gauge "writes 3/6 (need 4) ✗". */
    record ProtectionGroup(String id) implements WhySubject {
        public ProtectionGroup {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The writer: the failover under way, or else the last one (the banner's phase, the ledger's last row). */
    record Writer() implements WhySubject {
    }

    /** The acknowledged writes the run lost: the ledger's "Acked writes lost". */
    record LostWrites() implements WhySubject {
    }

    /** A Global Database region's role: primary, secondary, detached or down (its card in the global strip). */
    record Region(String name) implements WhySubject {
        public Region {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An Availability Zone: out or in, and what its outage holds down (instances, storage nodes, copies). */
    record AvailabilityZone(String name) implements WhySubject {
        public AvailabilityZone {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A storage node: up, or what holds it down (its own failure, its AZ, its region) and the copies it takes. */
    record StorageNode(String id) implements WhySubject {
        public StorageNode {
            Objects.requireNonNull(id, "id");
        }
    }

    /** An instance, writer or reader: down, restarting, being promoted, recovering, recreated, or serving. */
    record Instance(String id) implements WhySubject {
        public Instance {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * An endpoint as the topology draws it: {@code which} is "cluster" (the writer endpoint) or "reader", of
     * {@code region} (null: the region the writes go to).
     */
    record Endpoint(String which, String region) implements WhySubject {
        public static final String CLUSTER = "cluster";
        public static final String READER = "reader";

        public Endpoint {
            Objects.requireNonNull(which, "which");
            if (!which.equals(CLUSTER) && !which.equals(READER)) {
                throw new IllegalArgumentException("an endpoint is \"cluster\" or \"reader\", not " + which);
            }
        }
    }

    static WhySubject az(String name) {
        return new AvailabilityZone(name);
    }

    static WhySubject node(String id) {
        return new StorageNode(id);
    }

    static WhySubject instance(String id) {
        return new Instance(id);
    }

    static WhySubject endpoint(String which, String region) {
        return new Endpoint(which, region);
    }

    static WhySubject volume() {
        return new Volume();
    }

    static WhySubject pg(String id) {
        return new ProtectionGroup(id);
    }

    static WhySubject writer() {
        return new Writer();
    }

    static WhySubject lostWrites() {
        return new LostWrites();
    }

    static WhySubject region(String name) {
        return new Region(name);
    }
}
