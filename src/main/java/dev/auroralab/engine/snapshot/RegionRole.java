package dev.auroralab.engine.snapshot;

import java.util.Locale;

/**
 * What a region is in a Global Database (UG "Using Amazon Aurora Global Database"): the primary takes writes,
 * a secondary serves reads from storage-level replication, a detached region is a standalone cluster after "remove
 * from global database", and DOWN means the region is out (a fault), whatever it was before.
 */
public enum RegionRole {
    PRIMARY, SECONDARY, DETACHED, DOWN;

    /** "primary", "secondary", "detached" or "down": the word scenario files, reports and logs use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word, so a role written into a sentence or a report reads as it always did. */
    @Override
    public String toString() {
        return word();
    }

    /** The role a scenario file's word names, or null when it names none. */
    public static RegionRole ofWord(String word) {
        for (RegionRole r : values()) {
            if (r.word().equals(word)) {
                return r;
            }
        }
        return null;
    }
}
