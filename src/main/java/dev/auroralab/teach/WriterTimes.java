package dev.auroralab.teach;

import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Timings;
import java.util.Objects;

/**
 * How long the writer's way back takes in this scenario's model, from its own timings (the scenario's
 * {@code timings:} block, or the model's defaults; decision 0017), as the engine adds them up
 * ({@code cluster/Failover}, {@code cluster/CrashRecovery}): a lost writer is detected, the chosen replica restarts as
 * the writer, runs crash recovery, and writes resume once the cluster endpoint's DNS has moved to it. The engine
 * flavour changes none of these in the model (Aurora MySQL and PostgreSQL differ in the page cache, not the times).
 *
 * <p>Every figure is a model value (Timings says where each default comes from), and is said as one: "about 27 s
 * (model value: 10 s detection + 10 s promotion + 2 s recovery + 5 s DNS TTL)".
 */
record WriterTimes(Timings timings) {

    WriterTimes {
        Objects.requireNonNull(timings, "distance to failure needs the scenario's timings");
    }

    /**
     * From a fault to writes taken again through the cluster endpoint, when Aurora promotes a replica: the failure
     * detection first unless the engine chooses again at once (the replica being promoted, or a new writer still
     * recovering, lost), then the promotion (a restart as the writer) and crash recovery, then the DNS TTL unless the
     * replica promoted is where the endpoint points already.
     */
    long failoverMicros(boolean detected, boolean endpointMoves) {
        return (detected ? timings.failureDetectionMicros() : 0) + timings.restartMicros()
                + ModelValues.CRASH_RECOVERY_MICROS + (endpointMoves ? timings.dnsTtlMicros() : 0);
    }

    /** "10 s detection + 10 s promotion + 2 s recovery + 5 s DNS TTL": what {@link #failoverMicros} adds up. */
    String failoverParts(boolean detected, boolean endpointMoves) {
        return (detected ? words(timings.failureDetectionMicros()) + " detection + " : "")
                + words(timings.restartMicros()) + " promotion + " + words(ModelValues.CRASH_RECOVERY_MICROS)
                + " recovery" + (endpointMoves ? " + " + words(timings.dnsTtlMicros()) + " DNS TTL" : "");
    }

    /** How long recreating a lost instance on a new host takes: "5 min". */
    String recreate() {
        return words(timings.recreateMicros());
    }

    /** "27 s", "2.5 min", "15 min": seconds below two minutes, minutes (to a tenth) from there. */
    static String words(long micros) {
        if (micros < 120_000_000L) {
            long tenths = Math.round(micros / 100_000.0);
            return (tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10) + " s";
        }
        long tenths = Math.round(micros / 6_000_000.0);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10) + " min";
    }
}
