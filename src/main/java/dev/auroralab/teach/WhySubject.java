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
