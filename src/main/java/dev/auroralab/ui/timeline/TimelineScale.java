package dev.auroralab.ui.timeline;

import dev.auroralab.run.Marker;
import java.util.List;

/**
 * The timeline bar's geometry, as a pure function of its width and the run's span: simulated time to x and back, and
 * which mark a pointer is on. Plain Java, so it is tested without a toolkit.
 *
 * @param leftPx x of time 0
 * @param widthPx width of the track in pixels
 * @param spanMicros the simulated time the track shows (the furthest point played or the scenario's end, whichever
 *     is later)
 */
public record TimelineScale(double leftPx, double widthPx, long spanMicros) {

    /** How near (in pixels) a pointer must be to a mark to be on it: a finger's width on a projector remote. */
    public static final double HIT_PX = 7;

    public TimelineScale {
        spanMicros = Math.max(1, spanMicros);
        widthPx = Math.max(1, widthPx);
    }

    public double x(long micros) {
        return leftPx + widthPx * Math.min(1.0, Math.max(0.0, (double) micros / spanMicros));
    }

    /** The time at {@code x}, held within [0, {@code limitMicros}] (a drag cannot go past the furthest point played). */
    public long micros(double x, long limitMicros) {
        double f = (x - leftPx) / widthPx;
        long t = Math.round(f * spanMicros);
        return Math.max(0, Math.min(limitMicros, t));
    }

    /** The mark nearest to {@code x} within {@link #HIT_PX}, or null; the later one when two are as near. */
    public Marker markAt(double x, List<Marker> marks) {
        Marker best = null;
        double bestDistance = HIT_PX;
        for (Marker m : marks) {
            double d = Math.abs(x(m.atMicros()) - x);
            if (d <= bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }
}
