package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.Vitals;
import java.util.Objects;

/**
 * One answer to "what happens next?": a kind of change the engine can report ({@link Kind}), with the instance or
 * region it names. Whether it is true of a change is decided from the vitals before and after, never from the
 * prompt that offers it, so a test can check every choice on its own.
 *
 * @param subject the instance ({@link Kind#BECOMES_WRITER}) or region ({@link Kind#REGION_BECOMES_PRIMARY}) named,
 *     null for the other kinds
 */
public record PredictionChoice(Kind kind, String subject) {

    /**
     * The kinds of change, in the order that picks the right answer when several are true of one change (the first
     * true one wins): lost writes first (the rarest and the one that matters most), then two regions taking writes
     * at once (a split brain after a detach), then the region and the writer
     * that take over (a new writer also means writes resume: the more telling fact wins), then what stops (both before
     * either alone), then what resumes, and "nothing the application notices" only when nothing else holds.
     */
    public enum Kind {
        WRITES_LOST, TWO_REGIONS_WRITE, REGION_BECOMES_PRIMARY, BECOMES_WRITER, WRITES_AND_READS_STOP, WRITES_STOP, READS_STOP,
        WRITES_RESUME, READS_RESUME, NOTHING_NOTICED
    }

    public PredictionChoice {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.BECOMES_WRITER || kind == Kind.REGION_BECOMES_PRIMARY) != (subject != null)) {
            throw new IllegalArgumentException(kind + " names " + (subject == null ? "nothing" : subject));
        }
    }

    public static PredictionChoice of(Kind kind) {
        return new PredictionChoice(kind, null);
    }

    public static PredictionChoice writer(String instanceId) {
        return new PredictionChoice(Kind.BECOMES_WRITER, instanceId);
    }

    public static PredictionChoice primary(String region) {
        return new PredictionChoice(Kind.REGION_BECOMES_PRIMARY, region);
    }

    /** The words on the button: "reader-3 becomes the writer". */
    public String text() {
        return switch (kind) {
            case WRITES_LOST -> "Acknowledged writes are lost";
            case TWO_REGIONS_WRITE -> "Two regions take writes at once";
            case REGION_BECOMES_PRIMARY -> subject + " becomes the primary region";
            case BECOMES_WRITER -> subject + " becomes the writer";
            case WRITES_AND_READS_STOP -> "Writes and reads stop";
            case WRITES_STOP -> "Writes stop";
            case READS_STOP -> "Reads stop";
            case WRITES_RESUME -> "Writes resume";
            case READS_RESUME -> "Reads resume";
            case NOTHING_NOTICED -> "Nothing the application notices changes";
        };
    }

    /** Whether this is true of the change from {@code before} to {@code after}. */
    public boolean holds(Vitals before, Vitals after) {
        return switch (kind) {
            case WRITES_LOST -> after.acknowledgedWritesLost() > before.acknowledgedWritesLost();
            case TWO_REGIONS_WRITE -> writingRegions(before) < 2 && writingRegions(after) >= 2;
            case REGION_BECOMES_PRIMARY -> subject.equals(after.writerRegion())
                    && !subject.equals(before.writerRegion());
            case BECOMES_WRITER -> subject.equals(after.writerId()) && !subject.equals(before.writerId());
            case WRITES_AND_READS_STOP -> stops(before.writable(), after.writable())
                    && stops(before.readable(), after.readable());
            case WRITES_STOP -> stops(before.writable(), after.writable());
            case READS_STOP -> stops(before.readable(), after.readable());
            case WRITES_RESUME -> stops(after.writable(), before.writable());
            case READS_RESUME -> stops(after.readable(), before.readable());
            case NOTHING_NOTICED -> after.acknowledgedWritesLost() == before.acknowledgedWritesLost()
                    && !(writingRegions(before) < 2 && writingRegions(after) >= 2)
                    && after.writerRegion().equals(before.writerRegion())
                    && (after.writerId() == null || after.writerId().equals(before.writerId()))
                    && after.writable() == before.writable() && after.readable() == before.readable();
        };
    }

    /** How many regions take writes: more than one is a split brain (an old primary after a detach and promote). */
    private static int writingRegions(Vitals v) {
        int n = 0;
        for (Vitals.RegionVitals r : v.regions()) {
            n += r.writable() ? 1 : 0;
        }
        return n;
    }

    /** True then false: something that went on has stopped. */
    private static boolean stops(boolean before, boolean after) {
        return before && !after;
    }

    /** The right answer for a change: the first kind in {@link Kind}'s order that holds, naming what it names. */
    public static PredictionChoice rightFor(Vitals before, Vitals after) {
        for (Kind k : Kind.values()) {
            PredictionChoice c = switch (k) {
                case BECOMES_WRITER -> after.writerId() == null ? null : writer(after.writerId());
                case REGION_BECOMES_PRIMARY -> primary(after.writerRegion());
                default -> of(k);
            };
            if (c != null && c.holds(before, after)) {
                return c;
            }
        }
        throw new IllegalStateException("no kind holds, not even 'nothing noticed': " + before + " -> " + after);
    }
}
