package dev.auroralab.ui;

import java.util.Objects;

/** What the learner clicked: one element of the topology, named by its engine id. */
public record Selection(Kind kind, String id) {

    public enum Kind {
        AVAILABILITY_ZONE("AZ"), INSTANCE("Instance"), STORAGE_NODE("Storage node"), SEGMENT("Segment"),
        PROTECTION_GROUP("Protection group"), VOLUME("Volume"), ENDPOINT("Endpoint"), REGION("Region");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Selection {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
    }

    public static Selection az(String id) {
        return new Selection(Kind.AVAILABILITY_ZONE, id);
    }

    public static Selection instance(String id) {
        return new Selection(Kind.INSTANCE, id);
    }

    public static Selection node(String id) {
        return new Selection(Kind.STORAGE_NODE, id);
    }

    public static Selection segment(String id) {
        return new Selection(Kind.SEGMENT, id);
    }

    public static Selection pg(String id) {
        return new Selection(Kind.PROTECTION_GROUP, id);
    }

    /** A region of a Global Database: its card in the global strip; selecting one shows it in the topology. */
    public static Selection region(String name) {
        return new Selection(Kind.REGION, name);
    }

    public String describe() {
        return kind.label() + " " + id;
    }

    /**
     * The element written {@code kind:id} ({@code instance:writer-1}, {@code segment:pg-0/us-east-1b/1}, {@code
     * node:sn-us-east-1a-2}, {@code az:us-east-1c}, {@code pg:pg-0}, {@code region:eu-west-1}, {@code
     * endpoint:cluster}, {@code endpoint:reader}) as it exists in
     * {@code s}, or null when there is none. A copy may be named by its id or by its address as scenario and lesson
     * files write it (after a replacement the two differ); an element of a secondary region is found in that region.
     * The screenshot command's --select and a lesson's highlight both resolve through here.
     */
    public static Selection find(dev.auroralab.engine.snapshot.EngineSnapshot s, String kind, String id) {
        if (!"region".equals(kind) && !"pg".equals(kind) && s.isGlobal()) {
            for (var r : s.regions()) {
                Selection in = findIn(s.forRegion(r.region()), kind, id);
                if (in != null) {
                    return in;
                }
            }
        }
        return findIn(s, kind, id);
    }

    /** The element in one region's view of the snapshot. */
    private static Selection findIn(dev.auroralab.engine.snapshot.EngineSnapshot s, String kind, String id) {
        return switch (kind) {
            case "region" -> s.regionSnapshot(id) == null ? null : region(id);
            case "instance" -> s.instance(id) == null ? null : instance(id);
            case "pg" -> s.pg(id) == null ? null : pg(id);
            case "az" -> s.azs().contains(id) ? az(id) : null;
            case "node" -> s.storageNode(id) == null ? null : node(id);
            case "endpoint" -> dev.auroralab.scenario.CaptionText.ENDPOINTS.contains(id)
                    ? new Selection(Kind.ENDPOINT, id) : null;
            case "segment" -> {
                for (var pg : s.volume().protectionGroups()) {
                    for (var seg : pg.segments()) {
                        if (seg.id().equals(id) || id.equals(seg.address())) {
                            yield segment(seg.id());
                        }
                    }
                }
                yield null;
            }
            default -> null;
        };
    }
}
