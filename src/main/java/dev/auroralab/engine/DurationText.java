package dev.auroralab.engine;

import java.math.BigDecimal;

/**
 * A duration in microseconds written the way a scenario file writes it ("250ms", "10s", "1.5s", "2m", "1h"), so the
 * engine's messages, the report and the scenario writer all say a time the same way. The scenario reader parses the
 * same forms back (scenario.Durations).
 */
public final class DurationText {

    private static final String[] SYMBOLS = {"ms", "s", "m", "h"};
    private static final long[] UNIT_MICROS = {1_000L, 1_000_000L, 60_000_000L, 3_600_000_000L};

    private DurationText() {
    }

    /** The shortest exact form, preferring a value of at least 1 ("250ms", not "0.25s"); "0s" for zero. */
    public static String format(long micros) {
        if (micros < 0) {
            return "-" + format(-micros);
        }
        if (micros == 0) {
            return "0s";
        }
        String best = null;
        for (int u = 0; u < SYMBOLS.length; u++) {
            if (micros < UNIT_MICROS[u] && u != 0) {
                continue;
            }
            String candidate;
            try {
                candidate = BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(UNIT_MICROS[u])).stripTrailingZeros()
                        .toPlainString() + SYMBOLS[u];
            } catch (ArithmeticException nonTerminating) {
                continue;
            }
            if (best == null || candidate.length() <= best.length()) {
                best = candidate;
            }
        }
        return best;
    }
}
