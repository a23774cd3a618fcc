package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A copied storage node keeps its name and AZ and fails or comes back independently of its original. */
class StorageNodeTest {

    @Test
    void aCopiedStorageNodeFailsAndComesBackOnItsOwn() {
        StorageNode node = new StorageNode("sn-a-1", "a");
        node.setFailed(true);
        StorageNode copy = node.copy();
        assertThat(copy.id()).isEqualTo("sn-a-1");
        assertThat(copy.az()).isEqualTo("a");
        assertThat(copy.failed()).isTrue();
        copy.setFailed(false);
        assertThat(node.failed()).isTrue();
        node.setFailed(false);
        node.setFailed(true);
        assertThat(copy.failed()).isFalse();
    }
}
