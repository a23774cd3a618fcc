package dev.auroralab.scenario;

import dev.auroralab.run.ScenarioRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.event.AuroraEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden runs: every built-in scenario's report, its whole event log and its engine event count, byte for byte
 * against the files recorded before the engine was restructured (issue 11). A change to the engine's behaviour shows
 * up here first; when a change is meant, re-record with {@code -Dgolden.update=true} and say why in the commit.
 */
class GoldenRunTest {

    private static final Path DIR = Path.of("src/test/resources/golden");

    static Stream<String> builtIns() {
        return BuiltInScenarios.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void aBuiltInScenarioRunsExactlyAsRecorded(String name) throws Exception {
        String actual = goldenText(name);
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    static String goldenText(String name) throws ScenarioError, IOException {
        RunResult r = ScenarioRunner.run(BuiltInScenarios.load(name), null, null);
        StringBuilder b = new StringBuilder(RunReport.toJson(r));
        b.append("\n# engine events fired: ").append(r.engineEvents()).append('\n');
        for (AuroraEvent e : r.events()) {
            b.append(e).append('\n');
        }
        return b.toString();
    }
}
