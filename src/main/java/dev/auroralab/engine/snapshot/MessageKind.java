package dev.auroralab.engine.snapshot;

/** What a message in flight carries: the drawing and the legend tell them apart by kind. */
public enum MessageKind {
    // in alphabetical order: messages sent at the same instant are listed by kind, as they were when kinds were words
    /** A copy's acknowledgement back to the writer, carrying its SCL. */
    ACK,
    /** A boxcar of redo from the writer to one copy of a protection group (P17 §3.2). */
    BOXCAR,
    /** The writer's redo stream to a replica. */
    REDO,
    /** A batch of Global Database storage replication to a secondary region. */
    REPLICATION;

    /** "boxcar", "ack", ...: the word for tooltips and logs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
