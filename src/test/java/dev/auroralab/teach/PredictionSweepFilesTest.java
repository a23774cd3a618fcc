package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Predict-then-observe on scenario files that are not built in (a teacher's own, the fidelity cases, the documented
 * examples): shapes the built-ins do not have (the writer alone in its AZ, slow timings, a commit backlog, the log
 * limit, a rebuild after a global failover) are asked about with exactly one true choice at each change, as the
 * built-ins are ({@link PredictionSweepTest}).
 */
class PredictionSweepFilesTest {

    static List<Path> files() throws IOException {
        List<Path> dirs = List.of(Path.of("src/test/resources/fidelity"), Path.of("src/test/resources/predict"),
                Path.of("docs/examples"));
        return dirs.stream().flatMap(d -> {
            try (Stream<Path> s = Files.list(d)) {
                return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** The scenarios the built-in question bank writes for its demonstrations, one each. */
    static List<Scenario> bankScenarios() throws Exception {
        java.util.Map<String, Scenario> byName = new java.util.LinkedHashMap<>();
        for (dev.auroralab.exam.Question q : dev.auroralab.scenario.QuestionBankReader.builtIn().questions()) {
            q.shownBy().filter(dev.auroralab.exam.Demonstration::inBank)
                    .ifPresent(d -> byName.putIfAbsent(d.scenario().name(), d.scenario()));
        }
        return List.copyOf(byName.values());
    }

    @ParameterizedTest
    @MethodSource("bankScenarios")
    void everyChangeOfAQuestionsOwnScenarioIsAskedWithExactlyOneTrueChoice(Scenario s) {
        assertThat(PredictionSweepTest.sweep(s, s.seed())).as(s.name()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyChangeOfAScenarioFileIsAskedWithExactlyOneTrueChoice(Path file) throws Exception {
        Scenario s = ScenarioReader.read(file);
        List<PredictionPrompt> prompts = PredictionSweepTest.sweep(s, s.seed());
        assertThat(prompts).as(file + ": a timeline has moments to predict").isNotEmpty();
        for (PredictionPrompt p : prompts) {
            assertThat(p.domain()).isNotNull();
            assertThat(p.lead()).isNotBlank();
        }
    }
}
