package dev.auroralab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The model values that vary in the wild, which a teacher may set per scenario (the scenario's {@code timings:}
 * block): someone who saw an 8-minute cross-region failover can reproduce it. Each value is in microseconds and must
 * lie within its {@link Timing#minMicros() documented range}; the defaults are the ones in {@link ModelValues}.
 *
 * <p>Source of the defaults and ranges: aurora-reference §5 and §6 (UG high availability, endpoints, global database
 * disaster recovery). The ranges are MODEL VALUES chosen wide enough for what people report and narrow enough that a
 * typo (5 h of DNS TTL) is refused.
 */
public record Timings(long dnsTtlMicros, long failureDetectionMicros, long restartMicros, long recreateMicros,
        long globalSwitchoverMicros, long globalFailoverMicros, long secondaryRebuildMicros) {

    /** One overridable value: its scenario key, what it is, its default and range (microseconds), and its source. */
    public enum Timing {
        DNS_TTL("dnsTtl", "cluster endpoint DNS TTL", ModelValues.ENDPOINT_DNS_TTL_MICROS, 1_000_000L, 300_000_000L,
                "UG endpoints: 5 s; clients that cache longer see a longer outage"),
        FAILURE_DETECTION("failureDetection", "writer failure detection", ModelValues.WRITER_FAILURE_DETECTION_MICROS,
                1_000_000L, 120_000_000L, "model value"),
        RESTART("restart", "instance restart (in place, or as the promoted writer)",
                ModelValues.INSTANCE_RESTART_MICROS, 1_000_000L, 600_000_000L, "model value; UG: restart is the fastest"
                + " path"),
        RECREATE("recreate", "recreating a lost instance on a new host", ModelValues.WRITER_RECREATE_MICROS,
                60_000_000L, 3_600_000_000L, "UG-2023: typically under 10 minutes"),
        GLOBAL_SWITCHOVER("globalSwitchover", "global switchover outage once in sync",
                ModelValues.GLOBAL_SWITCHOVER_MICROS, 1_000_000L, 1_800_000_000L, "model value; UG: a short outage"),
        GLOBAL_FAILOVER("globalFailover", "global failover, promoting the secondary",
                ModelValues.GLOBAL_PROMOTION_MICROS, 10_000_000L, 3_600_000_000L,
                "UG DR page: RTO in the order of minutes"),
        SECONDARY_REBUILD("secondaryRebuild", "rebuilding a secondary after a global failover",
                ModelValues.SECONDARY_REBUILD_MICROS, 60_000_000L, 86_400_000_000L, "UG DR page: minutes to hours");

        private final String key;
        private final String meaning;
        private final long defaultMicros;
        private final long minMicros;
        private final long maxMicros;
        private final String source;

        Timing(String key, String meaning, long defaultMicros, long minMicros, long maxMicros, String source) {
            this.key = key;
            this.meaning = meaning;
            this.defaultMicros = defaultMicros;
            this.minMicros = minMicros;
            this.maxMicros = maxMicros;
            this.source = source;
        }

        /** The key in a scenario's {@code timings:} block, e.g. {@code dnsTtl}. */
        public String key() {
            return key;
        }

        public String meaning() {
            return meaning;
        }

        public long defaultMicros() {
            return defaultMicros;
        }

        public long minMicros() {
            return minMicros;
        }

        public long maxMicros() {
            return maxMicros;
        }

        public String source() {
            return source;
        }

        /** Null when {@code micros} is within the range; else the reason, e.g. "dnsTtl must be from 1s to 5m". */
        public String outOfRange(long micros) {
            return micros < minMicros || micros > maxMicros
                    ? key + " must be from " + DurationText.format(minMicros) + " to " + DurationText.format(maxMicros)
                    + " (" + meaning + "), got " + DurationText.format(micros)
                    : null;
        }
    }

    /** The model's defaults: what a scenario without {@code timings:} runs with. */
    public static final Timings DEFAULTS = new Timings(Timing.DNS_TTL.defaultMicros,
            Timing.FAILURE_DETECTION.defaultMicros, Timing.RESTART.defaultMicros, Timing.RECREATE.defaultMicros,
            Timing.GLOBAL_SWITCHOVER.defaultMicros, Timing.GLOBAL_FAILOVER.defaultMicros,
            Timing.SECONDARY_REBUILD.defaultMicros);

    /** Throws IllegalArgumentException naming the first value outside its range. */
    public Timings {
        long[] all = {dnsTtlMicros, failureDetectionMicros, restartMicros, recreateMicros, globalSwitchoverMicros,
                globalFailoverMicros, secondaryRebuildMicros};
        Timing[] keys = Timing.values();
        for (int k = 0; k < keys.length; k++) {
            String why = keys[k].outOfRange(all[k]);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
        }
    }

    /** The value of one timing. */
    public long micros(Timing t) {
        return switch (t) {
            case DNS_TTL -> dnsTtlMicros;
            case FAILURE_DETECTION -> failureDetectionMicros;
            case RESTART -> restartMicros;
            case RECREATE -> recreateMicros;
            case GLOBAL_SWITCHOVER -> globalSwitchoverMicros;
            case GLOBAL_FAILOVER -> globalFailoverMicros;
            case SECONDARY_REBUILD -> secondaryRebuildMicros;
        };
    }

    /** A copy with one timing changed; throws IllegalArgumentException when out of range. */
    public Timings with(Timing t, long micros) {
        long[] all = new long[Timing.values().length];
        for (Timing k : Timing.values()) {
            all[k.ordinal()] = k == t ? micros : micros(k);
        }
        return new Timings(all[0], all[1], all[2], all[3], all[4], all[5], all[6]);
    }

    /** The timings that differ from the defaults, in declaration order. */
    public List<Timing> overridden() {
        List<Timing> out = new ArrayList<>();
        for (Timing t : Timing.values()) {
            if (micros(t) != t.defaultMicros) {
                out.add(t);
            }
        }
        return out;
    }

    /** "cluster endpoint DNS TTL 30s (model default 5s)" for each override, for the report and "what this model simplifies". */
    public List<String> describeOverrides() {
        List<String> out = new ArrayList<>();
        for (Timing t : overridden()) {
            out.add(t.meaning + " " + DurationText.format(micros(t)) + " (model default "
                    + DurationText.format(t.defaultMicros) + ")");
        }
        return out;
    }
}
