package dev.auroralab.engine.storage;

/** What a copy of a protection group is doing right now. */
public enum SegmentState {
    /** Reachable and complete up to what it has been sent. */
    UP,
    /** Unreachable (its node or AZ is out); its data is kept and it comes back. */
    DOWN,
    /** Back after an outage, or missed a boxcar: accepting new writes while gossip fills its holes (P18 §2.2). */
    CATCHING_UP,
    /** A new copy joining through a membership change, being filled from its peers (P18 §4). */
    REPLACING,
    /** Permanently lost with its data. */
    DESTROYED;

    /** Whether the copy accepts boxcars: it counts toward "segments up" in a quorum gauge. */
    public boolean accepting() {
        return this == UP || this == CATCHING_UP || this == REPLACING;
    }

    public String label() {
        return switch (this) {
            case UP -> "up";
            case DOWN -> "down";
            case CATCHING_UP -> "catching up";
            case REPLACING -> "replacing";
            case DESTROYED -> "destroyed";
        };
    }
}
