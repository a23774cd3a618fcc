package dev.auroralab.engine.storage;

/**
 * A storage host in one AZ. It holds segments of several protection groups (P17 §2.2), so one node failing takes down
 * one copy in each PG it serves.
 */
public final class StorageNode {
    private final String id;
    private final String az;
    private boolean failed;

    public StorageNode(String id, String az) {
        this.id = id;
        this.az = az;
    }

    /** An independent copy: failing or restoring one leaves the other as it was. */
    public StorageNode copy() {
        StorageNode c = new StorageNode(id, az);
        c.failed = failed;
        return c;
    }

    public String id() {
        return id;
    }

    public String az() {
        return az;
    }

    public boolean failed() {
        return failed;
    }

    public void setFailed(boolean failed) {
        this.failed = failed;
    }
}
