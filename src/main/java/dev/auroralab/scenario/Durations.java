package dev.auroralab.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in scenario files: a number and a unit, {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h},
 * {@code 1.5s}. The engine counts microseconds, so a value must come to a whole number of them.
 */
public final class Durations {

    /** Why a text is not a duration, and what to write instead. */
    public static final class InvalidDurationException extends IllegalArgumentException {
        private final String problem;
        private final String fix;

        InvalidDurationException(String problem, String fix) {
            super(problem + ". " + fix);
            this.problem = problem;
            this.fix = fix;
        }

        public String problem() {
            return problem;
        }

        public String fix() {
            return fix;
        }
    }

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)");
    private static final String EXAMPLES = "Write a number and a unit (ms, s, m or h), e.g. 250ms, 10s, 1.5s, 2m";

    private enum Unit {
        MS("ms", 1_000L), S("s", 1_000_000L), M("m", 60_000_000L), H("h", 3_600_000_000L);

        final String symbol;
        final long micros;

        Unit(String symbol, long micros) {
            this.symbol = symbol;
            this.micros = micros;
        }
    }

    private Durations() {
    }

    /** Microseconds in {@code text}; throws {@link InvalidDurationException} if it is not a duration of 0 or more. */
    public static long parseMicros(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidDurationException("is missing", EXAMPLES);
        }
        if (t.startsWith("-")) {
            throw new InvalidDurationException("'" + t + "' is negative", "Use 0 or more, e.g. "
                    + t.substring(1));
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new InvalidDurationException("'" + t + "' is not a duration", EXAMPLES);
        }
        if (m.group(2).isEmpty()) {
            throw new InvalidDurationException("'" + t + "' has no unit", "Add ms, s, m or h, e.g. " + t + "s");
        }
        Unit unit = unitOf(m.group(2));
        if (unit == null) {
            throw new InvalidDurationException("'" + t + "' has an unknown unit '" + m.group(2) + "'",
                    "Use ms, s, m or h");
        }
        BigDecimal micros = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit.micros));
        BigInteger whole;
        try {
            whole = micros.toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            throw new InvalidDurationException("'" + t + "' is not a whole number of microseconds",
                    "Use at most 6 decimals of a second, e.g. 1.000001s");
        }
        if (whole.bitLength() > 62) {
            throw new InvalidDurationException("'" + t + "' is too long", "Use a shorter duration");
        }
        return whole.longValueExact();
    }

    /** The shortest exact form: {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}; {@code 0s} for zero. */
    public static String format(long micros) {
        return dev.auroralab.engine.DurationText.format(micros);
    }

    private static Unit unitOf(String symbol) {
        for (Unit unit : Unit.values()) {
            if (unit.symbol.equals(symbol)) {
                return unit;
            }
        }
        return null;
    }
}
