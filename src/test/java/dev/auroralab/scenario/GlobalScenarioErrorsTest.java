package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad Global Database input, refused with one message that points at the right line and column. */
class GlobalScenarioErrorsTest {

    static List<GlobalErrorCases.Case> cases() {
        return GlobalErrorCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsPositionAndAFix(GlobalErrorCases.Case c) {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read("bad.yaml", c.yaml()));

        assertThat(e).as("expected to be refused").isNotNull();
        assertThat(e.message()).as("one line, no stack trace").doesNotContain("\n", "Exception", "\tat ");
        assertThat(e.message()).startsWith("bad.yaml:" + c.line() + ":" + c.column() + ": ");
        assertThat(e.line()).isEqualTo(c.line());
        assertThat(e.column()).isEqualTo(c.column());
        assertThat(e.message()).contains(c.phrases());
        assertThat(e.fix()).as("says how to fix it").isNotBlank();
    }

    @Test
    void aKnownRegionThatIsNoSecondaryGetsNoDidYouMean() {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read("bad.yaml",
                GlobalErrorCases.GLOBAL + "timeline:\n  - {at: 10s, do: switchover, target: us-east-1}\n"));

        assertThat(e.message()).endsWith("The secondary regions at 10s are: eu-west-1, us-west-2");
    }

    @Test
    void theBasesTheCasesGrowFromAreAccepted() throws ScenarioError {
        // the bases the cases grow from are accepted, so each refusal is due to the part the case adds
        assertThat(ScenarioReader.read("single.yaml", GlobalErrorCases.SINGLE).isGlobal()).isFalse();
        assertThat(ScenarioReader.read("global.yaml", GlobalErrorCases.GLOBAL).cluster().secondaries()).hasSize(2);
    }
}
