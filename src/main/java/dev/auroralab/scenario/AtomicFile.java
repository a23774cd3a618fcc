package dev.auroralab.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file whole: the bytes go to a temporary file beside it, are forced to disk, and the temporary file is
 * moved over the old one, so a failed or interrupted save never leaves a half-written file (the old one stays as it
 * was until the complete new one replaces it). What saving a scenario, the study record and the window's layout share.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code path}, replacing it whole; the folder must exist. */
    public static void write(Path path, byte[] bytes) throws IOException {
        Path target = path.toAbsolutePath();
        // next to the target, so the move is a rename within one file system; a unique name so two saves never
        // share it; not Files.createTempFile, which would give the saved file owner-only permissions
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // on disk before the rename, so a crash cannot leave the new name pointing at missing data
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
