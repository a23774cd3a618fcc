package dev.auroralab.run;

/** Simulated time as a presenter reads it aloud: "1:05.250" (minutes:seconds.millis). */
public final class ClockText {

    private ClockText() {
    }

    /** {@code micros} as minutes:seconds.millis, e.g. 65,250,000 as "1:05.250"; built by hand, as it runs every frame. */
    public static String of(long micros) {
        long ms = micros / 1_000;
        long minutes = ms / 60_000;
        long seconds = (ms / 1_000) % 60;
        long millis = ms % 1_000;
        return minutes + (seconds < 10 ? ":0" : ":") + seconds + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".")
                + millis;
    }
}
