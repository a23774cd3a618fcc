package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The window's command line, checked before JavaFX starts: what opens the window, and what ends with exit 2. */
class WindowArgsTest {

    @TempDir
    Path dir;

    private static WindowArgs.Outcome parse(String... args) {
        return WindowArgs.parse(List.of(args));
    }

    private static void assertRefused(WindowArgs.Outcome o, String... phrases) {
        assertThat(o.opensTheWindow()).as(String.valueOf(o.message())).isFalse();
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.message()).contains(phrases).doesNotContain("Exception", "\tat ");
    }

    @Test
    void noArgumentsOpenTheDefaultScenario() {
        WindowArgs.Outcome o = parse();

        assertThat(o.opensTheWindow()).isTrue();
        assertThat(o.windowArgs()).isEmpty();
    }

    @Test
    void aGoodFileOpensTheWindowOnIt() throws Exception {
        Path file = dir.resolve("healthy.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("scenarios/healthy-cluster.yaml")) {
            Files.copy(in, file);
        }

        WindowArgs.Outcome o = parse("--scenario", file.toString());

        assertThat(o.opensTheWindow()).isTrue();
        assertThat(o.windowArgs()).containsExactly("--scenario", file.toString());
        assertThat(parse("--scenario=" + file).windowArgs()).containsExactly("--scenario", file.toString());
    }

    @Test
    void atOpensTheScenarioAtAMomentAndABadOneIsRefusedBeforeTheWindow() {
        assertThat(parse("--scenario", "az-plus-one", "--at", "13s").windowArgs())
                .containsExactly("--scenario", "az-plus-one", "--at", "13s");
        assertThat(parse("--at=1.5m", "--scenario", "lose-an-az").windowArgs())
                .containsExactly("--scenario", "lose-an-az", "--at", "1.5m");
        assertRefused(parse("--scenario", "az-plus-one", "--at", "13x"), "--at '13x' is not a moment", "e.g. 13s");
        assertRefused(parse("--scenario", "az-plus-one", "--at"), "--at needs a moment");
        assertRefused(parse("--at", "13s"), "--at goes with --scenario FILE");
        assertRefused(parse("--lesson", "losing-an-az", "--at", "13s"), "--at goes with --scenario FILE",
                "--lesson NAME#step");
        assertRefused(parse("--scenario", "az-plus-one", "--at", "1s", "--at", "2s"), "--at is given twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"az-plus-one", "az-plus-one.yaml", "global-switchover"})
    void aBuiltInNameOpensTheWindowOnThatScenario(String name) {
        WindowArgs.Outcome o = parse("--scenario", name);

        assertThat(o.opensTheWindow()).isTrue();
        assertThat(o.windowArgs()).containsExactly("--scenario", name);
    }

    @Test
    void aBadFileEndsWithExitTwoAndTheReadersLocatedMessage() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "schemaVersion: 1\ncluster:\n  azs: [us-east-1a, us-east-1b\n  volumeGiB: 30\n");

        WindowArgs.Outcome o = parse("--scenario", file.toString());

        assertRefused(o, "bad.yaml:4:12: YAML syntax error: expected ',' or ']', but found ':'", "close the list");
        assertThat(o.message()).doesNotContain("\n");
    }

    @Test
    void aFileThatDoesNotExistEndsWithExitTwoAndSaysSo() {
        WindowArgs.Outcome o = parse("--scenario", dir.resolve("nowhere.yaml").toString());

        assertRefused(o, "nowhere.yaml: file not found", "Check the path");
        assertRefused(parse("--scenario", "az-plus-two"), "az-plus-two: no such file, and no built-in scenario",
                "az-plus-one");
    }

    @Test
    void aMissingFileAfterTheOptionIsAUsageErrorThatSaysWhatToType() {
        for (WindowArgs.Outcome o : List.of(parse("--scenario"), parse("--scenario", "--dark"), parse("--scenario="))) {
            assertRefused(o, "--scenario needs a scenario file or a built-in name",
                    "java -jar aurora-lab.jar --scenario FILE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--scenari", "-scenario", "--file", "-x"})
    void anUnknownOptionIsAUsageErrorThatSaysWhatToType(String option) {
        assertRefused(parse(option, "az-plus-one"), "unknown option '" + option + "'",
                "java -jar aurora-lab.jar --scenario FILE", "--help");
    }

    @Test
    void aSecondScenarioOrAStrayWordIsAUsageError() {
        assertRefused(parse("--scenario", "az-plus-one", "--scenario", "lose-an-az"), "given twice");
        assertRefused(parse("--scenario", "az-plus-one", "extra"), "unexpected 'extra'");
    }

    @Test
    void aLessonLinkToAStepItHasOpensTheWindowAndOneToAStepItLacksIsRefusedWithItsSteps() {
        assertThat(parse("--lesson", "read-replicas#burst").windowArgs())
                .containsExactly("--lesson", "read-replicas#burst");
        assertThat(parse("--lesson=read-replicas").opensTheWindow()).isTrue();
        assertRefused(parse("--lesson", "read-replicas#bursts"), "has no step 'bursts'", "burst");
        assertRefused(parse("--lesson", "read-replica#burst"), "no built-in lesson", "read-replicas");
    }

    @Test
    void optionsGoToTheWindowAndAFirstWordOrHelpToTheCommands() {
        assertThat(WindowArgs.forTheWindow(List.of())).isTrue();
        assertThat(WindowArgs.forTheWindow(List.of("--scenario", "x"))).isTrue();
        assertThat(WindowArgs.forTheWindow(List.of("--scenari"))).isTrue();
        assertThat(WindowArgs.forTheWindow(List.of("run", "x"))).isFalse();
        assertThat(WindowArgs.forTheWindow(List.of("--help"))).isFalse();
        assertThat(WindowArgs.forTheWindow(List.of("-h"))).isFalse();
    }
}
