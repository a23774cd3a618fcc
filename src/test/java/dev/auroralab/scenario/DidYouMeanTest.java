package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> AZS = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    @Test
    void aTypoSuggestsTheNearestName() {
        assertThat(NodeReader.closest("targt", List.of("at", "do", "target"))).isEqualTo("target");
        assertThat(NodeReader.closest("WritesPerSecond", List.of("writesPerSecond"))).isEqualTo("writesPerSecond");
    }

    @Test
    void swappedLettersCountAsOneEdit() {
        assertThat(NodeReader.closest("sede", List.of("name", "seed", "duration"))).isEqualTo("seed");
    }

    @Test
    void aSharedFirstWordAllowsALargerDifference() {
        assertThat(NodeReader.closest("fail-zone", List.of("failover", "fail-az", "restore-az"))).isEqualTo("fail-az");
        assertThat(NodeReader.closest("instanceType", List.of("id", "instanceClass"))).isEqualTo("instanceClass");
    }

    @Test
    void equallyCloseNamesGiveNoSuggestion() {
        assertThat(NodeReader.closest("us-east-1d", AZS)).isNull();
    }

    @Test
    void farNamesGiveNoSuggestion() {
        assertThat(NodeReader.closest("reader-1", List.of("writer-1"))).isNull();
        assertThat(NodeReader.closest("x", List.of("do", "at"))).isNull();
        assertThat(NodeReader.closest("a".repeat(100_000), List.of("a".repeat(99_999)))).isNull();
    }
}
