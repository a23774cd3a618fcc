package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} us")
    @CsvSource({
        "0s,          0",
        "0ms,         0",
        "1ms,         1000",
        "250ms,       250000",
        "1.5ms,       1500",
        "0.001ms,     1",
        "10s,         10000000",
        "1.5s,        1500000",
        "1.000001s,   1000001",
        "2m,          120000000",
        "0.5m,        30000000",
        "1h,          3600000000",
        "1.25h,       4500000000",
        "' 10s ',     10000000",
    })
    void aDurationIsANumberAndAUnitCountedInMicroseconds(String text, long micros) {
        assertThat(Durations.parseMicros(text)).isEqualTo(micros);
    }

    @ParameterizedTest(name = "{0} us is written {1}")
    @CsvSource({
        "0,             0s",
        "1,             0.001ms",
        "1500,          1.5ms",
        "250000,        250ms",
        "100000,        100ms",
        "1000000,       1s",
        "1500000,       1.5s",
        "10000000,      10s",
        "60000000,      1m",
        "90000000,      90s",
        "120000000,     2m",
        "3600000000,    1h",
        "5400000000,    90m",
        "1000001,       1.000001s",
    })
    void formatGivesTheShortestExactFormThatParsesBack(long micros, String text) {
        assertThat(Durations.format(micros)).isEqualTo(text);
        assertThat(Durations.parseMicros(text)).isEqualTo(micros);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "-5s,          is negative",
        "10,           has no unit",
        "1.5,          has no unit",
        "3d,           has an unknown unit 'd'",
        "10S,          has an unknown unit 'S'",
        "1.0000001s,   is not a whole number of microseconds",
        "0.0001ms,     is not a whole number of microseconds",
        "soon,         is not a duration",
        "1e3s,         is not a duration",
        "10 s,         is not a duration",
        ".5s,          is not a duration",
        "99999999999999999h, is too long",
        "'',           is missing",
    })
    void aBadDurationIsRefusedWithTheReasonAndAnExample(String text, String reason) {
        Durations.InvalidDurationException e = catchThrowableOfType(Durations.InvalidDurationException.class,
                () -> Durations.parseMicros(text));

        assertThat(e.problem()).endsWith(reason);
        assertThat(e.fix()).isNotBlank();
    }
}
