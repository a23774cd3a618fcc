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
}
