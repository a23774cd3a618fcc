package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input, refused with one message that points at the right line and column. */
class ScenarioErrorsTest {

    /** Lines 1-8; tests append from line 9. Column 1 is the first character of a line. */
    private static final String BASE = """
            schemaVersion: 1
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 30
              instances:
                - {id: writer-1, az: us-east-1a, role: writer}
                - {id: reader-1, az: us-east-1b}
            """;

    private static ScenarioError errorReading(String sourceName, String text) {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read(sourceName, text));
        assertThat(e).as("expected %s to be refused", sourceName).isNotNull();
        assertThat(e.message()).as("one line, no stack trace").doesNotContain("\n", "Exception", "\tat ");
        return e;
    }

    private static ScenarioError errorReading(String text) {
        return errorReading("bad.yaml", text);
    }

    private static void assertAt(ScenarioError e, String sourceName, int line, int column) {
        assertThat(e.sourceName()).isEqualTo(sourceName);
        assertThat(e.line()).as("line of: %s", e.message()).isEqualTo(line);
        assertThat(e.column()).as("column of: %s", e.message()).isEqualTo(column);
        assertThat(e.message()).startsWith(sourceName + ":" + line + ":" + column + ": ");
    }

    // ---- syntax and files ------------------------------------------------------------------------------------------

    @Test
    void malformedYamlIsRefusedAtTheSyntaxError() {
        ScenarioError e = errorReading("""
                schemaVersion: 1
                cluster:
                  azs: [us-east-1a, us-east-1b
                  volumeGiB: 30
                """);

        assertAt(e, "bad.yaml", 4, 12);
        // the unclosed list runs on into the next line, up to its colon: the message names that colon
        assertThat(e.message()).isEqualTo("bad.yaml:4:12: YAML syntax error: expected ',' or ']', but found ':'"
                + " (in the [ ] list that starts at line 3, column 8). Separate the items with ',' and close the list"
                + " opened at line 3, column 8 with ']'");
    }

    @Test
    void aTabUsedForIndentationIsASyntaxErrorOnItsLine() {
        ScenarioError e = errorReading("schemaVersion: 1\ncluster:\n\tregion: us-east-1\n");

        assertAt(e, "bad.yaml", 3, 1);
        assertThat(e.message()).contains("YAML syntax error: found a tab where YAML expects spaces",
                "Indent with spaces, not tabs");
    }

    /** Malformed YAML of every kind SnakeYAML reports, and the words each message must use for what it found. */
    static Stream<Arguments> malformedYaml() {
        return Stream.of(
                Arguments.of("a stray ']'", "schemaVersion: 1\n]\n", "found ']'"),
                Arguments.of("a stray '}'", "schemaVersion: 1\n}\n", "found '}'"),
                Arguments.of("a ']' where a value starts", "schemaVersion: ]\n", "found ']'"),
                Arguments.of("a '}' closing a list", "azs: [a, b}\n", "found '}'"),
                Arguments.of("a ']' closing a map", "cluster: {region: x]\n", "found ']'"),
                Arguments.of("a list never closed", "azs: [a, b\n", "found the end of the file"),
                Arguments.of("a map never closed", "cluster: {region: x\n", "found the end of the file"),
                Arguments.of("a map entry without its comma", "cluster: {region: x volumeGiB: 30}\n",
                        "found ':'"),
                Arguments.of("a list running into the next key", "azs: [a, b\nvolumeGiB: 30\n", "found ':'"),
                Arguments.of("an empty list item", "azs: [a,,b]\n", "found ','"),
                Arguments.of("a tab indenting a key", "cluster:\n\tregion: x\n", "found a tab"),
                Arguments.of("a tab after a list", "azs: [a, b]\n\tvolumeGiB: 3\n", "found a tab"),
                Arguments.of("an unclosed single quote", "name: 'lose an AZ\n", "found the end of the file"),
                Arguments.of("an unclosed double quote", "name: \"lose an AZ\n", "found the end of the file"),
                Arguments.of("text after a closing quote", "name: \"x\" y\n", "found a value"),
                Arguments.of("an unknown escape", "name: \"a\\qb\"\n", "found unknown escape character 'q'"),
                Arguments.of("'- ' at a wrong indent", "instances:\n  - a\n - b\n", "found a list"),
                Arguments.of("a key at a wrong indent", "cluster:\n  region: x\n azs: y\n", "found a map"),
                Arguments.of("a key after a list at its level", "- a\nb: c\n", "found a key"),
                Arguments.of("a list item after a key at its level", "a: 1\n- 2\n", "found '-'"),
                Arguments.of("a list item on the key's line", "azs: - a\n", "found '-'"),
                Arguments.of("a block list inside a flow list", "azs: [\n- a]\n", "found '-'"),
                Arguments.of("two colons on one line", "name: a: b\n", "found ':'"),
                Arguments.of("a value indented under a value", "seed: 1\n  name: x\n", "found ':'"),
                Arguments.of("a '?' where a value starts", "name: ?\n", "found '?'"),
                Arguments.of("an '@' starting a value", "name: @x\n", "found '@'"),
                Arguments.of("a '`' starting a value", "name: `x\n", "found '`'"),
                Arguments.of("a '%' starting a value", "name: %x\n", "found '%'"),
                Arguments.of("an anchor without a name", "name: & x\n", "found a space"),
                Arguments.of("an alias at the end of the file", "name: *", "found the end of the file"),
                Arguments.of("an alias cut by the end of a line", "name: *\nseed: 1\n", "found the end of the line"),
                Arguments.of("an alias used as a key", "&k a: 1\n*k : 2\n", "found an alias (*k)"),
                Arguments.of("a list used as a key", "[a, b]: c\n", "found a list"),
                Arguments.of("a tag never closed", "name: !<x\n", "found the end of the line"),
                Arguments.of("a bad block scalar indicator", "name: |x\n  y\n", "found 'x'"),
                Arguments.of("a key running over two lines", "name: |\n  x\ny\n", "found the end of the line"),
                Arguments.of("more after the end of the document", "a: 1\n...\nb: 2\n", "found a map"),
                Arguments.of("a second YAML directive", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
                        "found duplicate YAML directive"),
                Arguments.of("a NUL character", "name: a\u0000b\n", "found the control character U+0000"),
                Arguments.of("a control character", "name: a\u0001b\n", "found the control character U+0001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedYaml")
    void everyYamlSyntaxErrorNamesWhatWasFoundWithLineColumnAndAFix(String what, String yaml, String found) {
        ScenarioError e = errorReading(yaml);

        assertThat(e.line()).as(e.message()).isPositive();
        assertThat(e.column()).as(e.message()).isPositive();
        assertThat(e.message()).startsWith("bad.yaml:" + e.line() + ":" + e.column() + ": YAML syntax error: ")
                .contains(found).doesNotContain("got  ", "''", "found  ", "found (", "org.yaml", "Event", "<")
                .doesNotMatch("(?s).*\\p{Cntrl}.*").doesNotMatch(".*(found|got)[.,]? *$");
        assertThat(e.fix()).as(e.message()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"a\": 'x'}", "{\"a\": \"x\",}", "{\"a\" 1}", "[1, 2}", "{\"a\": [1, 2}",
            "{\"a\": \"x\u0001y\"}", "{\"a\": -}", "{\"a\": \"x\\s\"}", "{\"a\":", "]"})
    void everyJsonSyntaxErrorNamesTheCharacterInWords(String json) {
        ScenarioError e = errorReading("bad.json", json);

        assertThat(e.line()).as(e.message()).isPositive();
        assertThat(e.column()).as(e.message()).isPositive();
        assertThat(e.message()).contains("JSON syntax error: ").doesNotContain("''", "(code ", "CTRL-CHAR", "[Source")
                .doesNotMatch("(?s).*\\p{Cntrl}.*");
    }

    @Test
    void malformedJsonIsRefusedAtTheSyntaxError() {
        ScenarioError e = errorReading("bad.json", """
                {
                  "schemaVersion": 1,
                  "cluster": {"region": "us-east-1",}
                }
                """);

        assertAt(e, "bad.json", 3, 37);
        assertThat(e.message()).contains("JSON syntax error", "Unexpected character", "Check the commas");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtTheSecondOne() {
        ScenarioError e = errorReading(BASE + "seed: 1\nseed: 2\n");

        assertAt(e, "bad.yaml", 10, 1);
        assertThat(e.message()).contains("key 'seed' appears twice", "first on line 9");
    }

    @Test
    void aSecondDocumentIsRefused() {
        ScenarioError e = errorReading(BASE + "---\nschemaVersion: 1\n");

        assertAt(e, "bad.yaml", 10, 1);
        assertThat(e.message()).contains("more after the end of the scenario");
    }

    @Test
    void aFileThatIsNotAMapIsRefused() {
        ScenarioError e = errorReading("list.json", "[1, 2]");

        assertAt(e, "list.json", 1, 1);
        assertThat(e.message()).contains("must be a map of keys, not a list");
    }

    @Test
    void anEmptyFileIsRefused() {
        ScenarioError e = errorReading("empty.yaml", "  \n\n");

        assertAt(e, "empty.yaml", 1, 1);
        assertThat(e.message()).contains("the file is empty", "schemaVersion: 1");
    }

    @Test
    void aYamlFileWithOnlyCommentsIsEmpty() {
        ScenarioError e = errorReading("comments.yml", "# nothing here yet\n");

        assertAt(e, "comments.yml", 1, 1);
        assertThat(e.message()).contains("the file is empty");
    }

    @Test
    void anEmptyFileOnDiskIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.json"), "");

        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read(file));

        assertAt(e, "empty.json", 1, 1);
        assertThat(e.message()).contains("the file is empty");
    }

    @Test
    void aMissingFileIsRefusedWithItsPath(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.yaml");

        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read(file));

        assertThat(e.sourceName()).isEqualTo("nowhere.yaml");
        assertThat(e.line()).isZero();
        assertThat(e.message()).startsWith("nowhere.yaml: file not found: ").contains(file.toString(), "Check the path");
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.write(file, ("# " + "x".repeat(1024 * 1024) + "\n[[[").getBytes(StandardCharsets.UTF_8));

        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read(file));

        assertThat(e.message()).startsWith("huge.yaml: the file is 1048582 bytes")
                .contains("over the limit of 1 MiB");
    }

    @Test
    void textOverOneMebibyteIsRefusedBeforeParsing() {
        ScenarioError e = errorReading("huge.json", "{" + " ".repeat(1024 * 1024) + "}");

        assertThat(e.message()).startsWith("huge.json: the file is 1048578 bytes").contains("limit of 1 MiB");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> ScenarioReader.read(file));

        assertThat(e.message()).isEqualTo("latin1.yaml: the file is not UTF-8 text. Save it as UTF-8");
    }

    @Test
    void anUnknownExtensionIsRefusedNamingTheAllowedOnes() {
        ScenarioError e = errorReading("scenario.txt", BASE);

        assertThat(e.line()).isZero();
        assertThat(e.message()).startsWith("scenario.txt: cannot tell the format")
                .contains(".json, .yaml, .yml");
    }

    @Test
    void deeplyNestedInputIsRefusedWithoutAStackOverflow() {
        ScenarioError e = errorReading("deep.json", "[".repeat(200) + "]".repeat(200));

        assertThat(e.message()).contains("nested more than");
    }

    // ---- schema version and unknown keys -----------------------------------------------------------------------

    @Test
    void aMissingSchemaVersionIsRefused() {
        ScenarioError e = errorReading(BASE.replace("schemaVersion: 1\n", ""));

        assertAt(e, "bad.yaml", 1, 1);
        assertThat(e.message()).contains("missing 'schemaVersion'", "Add schemaVersion: 1");
    }

    @Test
    void anUnsupportedSchemaVersionIsRefusedAtItsValue() {
        ScenarioError e = errorReading(BASE.replace("schemaVersion: 1", "schemaVersion: 2"));

        assertAt(e, "bad.yaml", 1, 16);
        assertThat(e.message()).contains("schemaVersion 2 is not supported", "schemaVersion: 1");
    }

    @Test
    void anUnknownTopLevelKeyIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "sede: 7\n");

        assertAt(e, "bad.yaml", 9, 1);
        assertThat(e.message()).contains("unknown key 'sede' at the top level", "(did you mean 'seed'?)");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneGetsNoSuggestion() {
        ScenarioError e = errorReading(BASE + "colour: blue\n");

        assertAt(e, "bad.yaml", 9, 1);
        assertThat(e.message()).contains("unknown key 'colour'", "Use one of: schemaVersion, name")
                .doesNotContain("did you mean");
    }

    @Test
    void anUnknownClusterKeyIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "  volumeGB: 30\n");

        assertAt(e, "bad.yaml", 9, 3);
        assertThat(e.message()).contains("unknown key 'volumeGB' in cluster", "did you mean 'volumeGiB'?");
    }

    @Test
    void anUnknownInstanceKeyIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1c, instanceType: db.r6g.large}\n");

        assertAt(e, "bad.yaml", 9, 38);
        assertThat(e.message()).contains("unknown key 'instanceType' in an instance", "did you mean 'instanceClass'?");
    }

    @Test
    void anUnknownWorkloadKeyIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "workload: {writesPerSec: 10}\n");

        assertAt(e, "bad.yaml", 9, 12);
        assertThat(e.message()).contains("unknown key 'writesPerSec' in workload", "did you mean 'writesPerSecond'?");
    }

    @Test
    void anUnknownTimelineKeyIsRefusedWithTheKeysOfItsAction() {
        ScenarioError e = errorReading(BASE + """
                timeline:
                  - at: 10s
                    do: fail-az
                    targt: us-east-1c
                """);

        assertAt(e, "bad.yaml", 12, 5);
        assertThat(e.message()).contains("unknown key 'targt' for fail-az", "Use one of: at, do, target",
                "did you mean 'target'?");
    }

    @Test
    void anUnknownExpectationKeyIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, writeable: true}\n");

        assertAt(e, "bad.yaml", 10, 14);
        assertThat(e.message()).contains("unknown key 'writeable' in an expectation", "did you mean 'writable'?");
    }

    // ---- actions and targets -----------------------------------------------------------------------------------

    @Test
    void anUnknownActionIsRefusedWithTheListAndASuggestion() {
        ScenarioError e = errorReading("lose-az.yaml", BASE + """
                timeline:
                  - {at: 10s, do: fail-zone, target: us-east-1c}
                """);

        assertAt(e, "lose-az.yaml", 10, 19);
        assertThat(e.message()).isEqualTo("lose-az.yaml:10:19: unknown action 'fail-zone'. Use one of: "
                + "fail-instance, crash-instance, restore-instance, fail-az, restore-az, reconfigure-quorum, fail-segment, restore-segment, "
                + "destroy-segment, fail-storage-node, restore-storage-node, failover, remove-replica, add-replica, "
                + "set-tier, set-workload, fail-region, restore-region, switchover, failover-global, "
                + "detach-and-promote, set-write-forwarding, set-managed-rpo (did you mean 'fail-az'?)");
    }

    @Test
    void aTimelineEntryWithoutDoIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 10s, target: us-east-1c}\n");

        assertAt(e, "bad.yaml", 10, 5);
        assertThat(e.message()).contains("has no 'do'", "do: fail-az");
    }

    @Test
    void aMissingTargetIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 10s, do: fail-az}\n");

        assertAt(e, "bad.yaml", 10, 5);
        assertThat(e.message()).contains("fail-az is missing 'target'");
    }

    @Test
    void anUnknownInstanceTargetIsRefusedWithASuggestion() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 10s, do: fail-instance, target: reader-l}\n");

        assertAt(e, "bad.yaml", 10, 42);
        assertThat(e.message()).contains("instance 'reader-l' does not exist at 10s", "writer-1, reader-1",
                "did you mean 'reader-1'?");
    }

    @Test
    void anUnknownAzTargetIsRefusedWithTheThreeAzs() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 10s, do: fail-az, target: us-east-1e}\n");

        assertAt(e, "bad.yaml", 10, 36);
        assertThat(e.message()).contains("AZ 'us-east-1e' is not one of the cluster's AZs",
                "us-east-1a, us-east-1b, us-east-1c");
    }

    @Test
    void aSegmentOfAProtectionGroupBeyondTheVolumeIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: fail-segment, target: pg-3/us-east-1a/1}\n");

        assertAt(e, "bad.yaml", 10, 40);
        assertThat(e.message()).contains("protection group 'pg-3'", "does not exist", "pg-0 to pg-2");
    }

    @Test
    void aSegmentInAnAzOutsideTheClusterIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: destroy-segment, target: pg-0/us-east-1d/1}\n");

        assertAt(e, "bad.yaml", 10, 43);
        assertThat(e.message()).contains("AZ 'us-east-1d' in segment address", "us-east-1a, us-east-1b, us-east-1c");
    }

    @Test
    void aThirdCopyInAnAzIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: restore-segment, target: pg-0/us-east-1a/3}\n");

        assertAt(e, "bad.yaml", 10, 43);
        assertThat(e.message()).contains("copy '3'", "write 1 or 2");
    }

    @Test
    void aSegmentAddressWithoutSlashesIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: fail-segment, target: pg-0-us-east-1a-1}\n");

        assertAt(e, "bad.yaml", 10, 40);
        assertThat(e.message()).contains("'pg-0-us-east-1a-1' is not a segment address", "pg-0/us-east-1a/1");
    }

    @Test
    void aFifthStorageNodeInAnAzIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: fail-storage-node, target: sn-us-east-1a-5}\n");

        assertAt(e, "bad.yaml", 10, 45);
        assertThat(e.message()).contains("storage node 'sn-us-east-1a-5' does not exist", "1 to 4");
    }

    @Test
    void aStorageNodeInAnotherAzIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: restore-storage-node, target: sn-us-west-2a-1}\n");

        assertAt(e, "bad.yaml", 10, 48);
        assertThat(e.message()).contains("AZ 'us-west-2a' of storage node 'sn-us-west-2a-1'");
    }

    @Test
    void aFailoverToAnUnknownReplicaIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: failover, target: reader-7}\n");

        assertAt(e, "bad.yaml", 10, 36);
        assertThat(e.message()).contains("instance 'reader-7' does not exist at 1s");
    }

    @Test
    void failingAReplicaBeforeItIsAddedIsRefused() {
        ScenarioError e = errorReading(BASE + """
                timeline:
                  - {at: 20s, do: add-replica, id: reader-2, az: us-east-1c}
                  - {at: 10s, do: fail-instance, target: reader-2}
                """);

        assertAt(e, "bad.yaml", 11, 42);
        assertThat(e.message()).contains("instance 'reader-2' does not exist at 10s (it is added at 20s)",
                "Move this to 20s or later");
    }

    @Test
    void removingAReplicaTwiceIsRefusedAtTheSecondRemoval() {
        ScenarioError e = errorReading(BASE + """
                timeline:
                  - {at: 30s, do: remove-replica, target: reader-1}
                  - {at: 10s, do: remove-replica, target: reader-1}
                """);

        assertAt(e, "bad.yaml", 10, 43);
        assertThat(e.message()).contains("instance 'reader-1' does not exist at 30s (it is removed at 10s)");
    }

    @Test
    void setTierOfAnUnknownInstanceIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: set-tier, target: nobody, tier: 2}\n");

        assertAt(e, "bad.yaml", 10, 36);
        assertThat(e.message()).contains("instance 'nobody' does not exist at 1s");
    }

    @Test
    void addingAReplicaWithAnExistingIdIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: add-replica, id: reader-1, az: us-east-1c}\n");

        assertAt(e, "bad.yaml", 10, 35);
        assertThat(e.message()).contains("instance id 'reader-1' already exists at 1s");
    }

    @Test
    void addingAReplicaInAnUnlistedAzIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: add-replica, id: reader-2, az: eu-west-1a}\n");

        assertAt(e, "bad.yaml", 10, 49);
        assertThat(e.message()).contains("instance 'reader-2' is in AZ 'eu-west-1a'");
    }

    @Test
    void aSixteenthReplicaAddedOnTheTimelineIsRefused() {
        StringBuilder yaml = new StringBuilder(BASE);
        for (int i = 2; i <= 15; i++) { // lines 9-22
            yaml.append("    - {id: reader-").append(i).append(", az: us-east-1c}\n");
        }
        yaml.append("timeline:\n");
        yaml.append("  - {at: 5s, do: remove-replica, target: reader-15}\n"); // line 24
        yaml.append("  - {at: 6s, do: add-replica, id: reader-16, az: us-east-1a}\n"); // line 25: back to 15, fine
        yaml.append("  - {at: 7s, do: add-replica, id: reader-17, az: us-east-1a}\n"); // line 26: a 16th

        ScenarioError e = errorReading(yaml.toString());

        assertAt(e, "bad.yaml", 26, 35);
        assertThat(e.message()).contains("adding 'reader-17' at 7s makes a 16th read replica", "at most 15");
    }

    @Test
    void setWorkloadWithNoRateIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: set-workload}\n");

        assertAt(e, "bad.yaml", 10, 5);
        assertThat(e.message()).contains("set-workload changes nothing", "writesPerSecond, readsPerSecond");
    }

    @Test
    void aNegativeRateInSetWorkloadIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: set-workload, readsPerSecond: -1.5}\n");

        assertAt(e, "bad.yaml", 10, 48);
        assertThat(e.message()).contains("readsPerSecond cannot be negative, got -1.5");
    }

    @Test
    void aSetTierOutsideZeroToFifteenIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1s, do: set-tier, target: reader-1, tier: 20}\n");

        assertAt(e, "bad.yaml", 10, 52);
        assertThat(e.message()).contains("tier must be 0 to 15, not 20");
    }

    // ---- the cluster ---------------------------------------------------------------------------------------------

    @Test
    void aFourthAzIsRejectedWithItsLine() {
        ScenarioError e = errorReading(BASE.replace("us-east-1c]", "us-east-1c, us-east-1d]"));

        assertAt(e, "bad.yaml", 4, 45);
        assertThat(e.message()).contains("a 4th AZ 'us-east-1d'", "exactly 3 AZs");
    }

    @Test
    void twoAzsAreRefused() {
        ScenarioError e = errorReading(BASE.replace(", us-east-1c]", "]"));

        assertAt(e, "bad.yaml", 4, 8);
        assertThat(e.message()).contains("only 2 AZs listed", "exactly 3 AZs");
    }

    @Test
    void aDuplicateAzIsRefusedAtTheDuplicate() {
        ScenarioError e = errorReading(BASE.replace("us-east-1c]", "us-east-1a]"));

        assertAt(e, "bad.yaml", 4, 33);
        assertThat(e.message()).contains("AZ 'us-east-1a' is listed twice");
    }

    @Test
    void aSecondWriterIsRefusedAtItsRole() {
        ScenarioError e = errorReading(BASE + "    - {id: writer-2, az: us-east-1c, role: writer}\n");

        assertAt(e, "bad.yaml", 9, 44);
        assertThat(e.message()).contains("a second writer 'writer-2' (the writer is 'writer-1')", "role: reader");
    }

    @Test
    void aClusterWithoutAWriterIsRefused() {
        ScenarioError e = errorReading(BASE.replace(", role: writer", ""));

        assertAt(e, "bad.yaml", 7, 5);
        assertThat(e.message()).contains("the cluster has no writer", "role: writer");
    }

    @Test
    void anUnknownRoleIsRefused() {
        ScenarioError e = errorReading(BASE.replace("role: writer", "role: writr"));

        assertAt(e, "bad.yaml", 7, 44);
        assertThat(e.message()).contains("unknown role 'writr'", "did you mean 'writer'?");
    }

    @Test
    void aDuplicateInstanceIdIsRefusedAtTheSecondOne() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-1, az: us-east-1c}\n");

        assertAt(e, "bad.yaml", 9, 12);
        assertThat(e.message()).contains("instance id 'reader-1' is used twice (first on line 8)");
    }

    @Test
    void anInstanceInAnUnlistedAzIsRefused() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1d}\n");

        assertAt(e, "bad.yaml", 9, 26);
        assertThat(e.message()).contains("instance 'reader-2' is in AZ 'us-east-1d'",
                "us-east-1a, us-east-1b, us-east-1c");
    }

    @Test
    void aSixteenthReplicaInTheClusterIsRefused() {
        StringBuilder yaml = new StringBuilder(BASE);
        for (int i = 2; i <= 16; i++) { // lines 9-23
            yaml.append("    - {id: reader-").append(i).append(", az: us-east-1c}\n");
        }

        ScenarioError e = errorReading(yaml.toString());

        assertAt(e, "bad.yaml", 23, 7);
        assertThat(e.message()).contains("a 16th read replica 'reader-16'", "at most 15");
    }

    @Test
    void aTierAboveFifteenIsRefused() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1c, tier: 16}\n");

        assertAt(e, "bad.yaml", 9, 44);
        assertThat(e.message()).contains("tier must be 0 to 15, not 16");
    }

    @Test
    void aNegativeTierIsRefused() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1c, tier: -1}\n");

        assertAt(e, "bad.yaml", 9, 44);
        assertThat(e.message()).contains("tier must be 0 to 15, not -1");
    }

    @Test
    void anUnknownInstanceSizeIsRefusedWithTheEnginesReason() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1c, instanceClass: db.r6g.huge}\n");

        assertAt(e, "bad.yaml", 9, 53);
        assertThat(e.message()).contains("instance size 'huge' in 'db.r6g.huge' is unknown", "db.r6g.large");
    }

    @Test
    void anInstanceClassWithoutTheDbPrefixIsRefused() {
        ScenarioError e = errorReading(BASE + "    - {id: reader-2, az: us-east-1c, instanceClass: r6g.large}\n");

        assertAt(e, "bad.yaml", 9, 53);
        assertThat(e.message()).contains("'r6g.large' is not of the form db.FAMILY.SIZE");
    }

    @Test
    void aVolumeOfZeroGibIsRefused() {
        ScenarioError e = errorReading(BASE.replace("volumeGiB: 30", "volumeGiB: 0"));

        assertAt(e, "bad.yaml", 5, 14);
        assertThat(e.message()).contains("volumeGiB must be 1 to 262144, not 0");
    }

    @Test
    void aFractionalVolumeIsRefused() {
        ScenarioError e = errorReading(BASE.replace("volumeGiB: 30", "volumeGiB: 1.5"));

        assertAt(e, "bad.yaml", 5, 14);
        assertThat(e.message()).contains("volumeGiB must be a whole number, not the number 1.5");
    }

    @Test
    void textWhereANumberIsExpectedIsRefused() {
        ScenarioError e = errorReading(BASE.replace("volumeGiB: 30", "volumeGiB: thirty"));

        assertAt(e, "bad.yaml", 5, 14);
        assertThat(e.message()).contains("volumeGiB must be a whole number, not text 'thirty'", "without quotes");
    }

    @Test
    void aQuotedNumberInJsonIsRefused() {
        ScenarioError e = errorReading("bad.json", """
                {"schemaVersion": 1, "seed": "7"}
                """);

        assertAt(e, "bad.json", 1, 30);
        assertThat(e.message()).contains("seed must be a whole number, not text '7'");
    }

    @Test
    void aNumberWhereAListIsExpectedIsRefused() {
        ScenarioError e = errorReading(BASE.replace("azs: [us-east-1a, us-east-1b, us-east-1c]", "azs: 3"));

        assertAt(e, "bad.yaml", 4, 8);
        assertThat(e.message()).contains("azs must be a list, not the number 3");
    }

    @Test
    void aNumberWhereTextIsExpectedIsRefused() {
        ScenarioError e = errorReading(BASE.replace("region: us-east-1", "region: 42"));

        assertAt(e, "bad.yaml", 3, 11);
        assertThat(e.message()).contains("region must be text, not the number 42");
    }

    @Test
    void aNegativeWorkloadRateIsRefused() {
        ScenarioError e = errorReading(BASE + "workload: {writesPerSecond: -5}\n");

        assertAt(e, "bad.yaml", 9, 29);
        assertThat(e.message()).contains("writesPerSecond cannot be negative, got -5", "0 or more");
    }

    @Test
    void aMissingClusterIsRefused() {
        ScenarioError e = errorReading("schemaVersion: 1\nseed: 3\n");

        assertAt(e, "bad.yaml", 1, 1);
        assertThat(e.message()).contains("the scenario is missing 'cluster'");
    }

    // ---- durations and times -------------------------------------------------------------------------------------

    @Test
    void aNegativeDurationIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: -5s\n");

        assertAt(e, "bad.yaml", 9, 11);
        assertThat(e.message()).contains("duration '-5s' is negative");
    }

    @Test
    void anUnparsableDurationIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: soon\n");

        assertAt(e, "bad.yaml", 9, 11);
        assertThat(e.message()).contains("duration 'soon' is not a duration", "250ms, 10s, 1.5s, 2m");
    }

    @Test
    void aDurationWithoutAUnitIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: 60\n");

        assertAt(e, "bad.yaml", 9, 11);
        assertThat(e.message()).contains("duration '60' has no unit", "e.g. 60s");
    }

    @Test
    void aDurationWithAnUnknownUnitIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: 2d\n");

        assertAt(e, "bad.yaml", 9, 11);
        assertThat(e.message()).contains("duration '2d' has an unknown unit 'd'", "ms, s, m or h");
    }

    @Test
    void aDurationFinerThanAMicrosecondIsRefused() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: 1.0000005s, do: fail-az, target: us-east-1a}\n");

        assertAt(e, "bad.yaml", 10, 10);
        assertThat(e.message()).contains("at '1.0000005s' is not a whole number of microseconds");
    }

    @Test
    void aZeroDurationIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: 0s\n");

        assertAt(e, "bad.yaml", 9, 11);
        assertThat(e.message()).contains("duration must be more than 0");
    }

    @Test
    void aTimelineEntryAfterTheEndOfTheRunIsRefused() {
        ScenarioError e = errorReading(BASE + "duration: 30s\ntimeline:\n  - {at: 31s, do: fail-az, target: us-east-1a}\n");

        assertAt(e, "bad.yaml", 11, 10);
        assertThat(e.message()).contains("at 31s is after the run ends (duration 30s)");
    }

    @Test
    void anExpectationAfterTheEndOfTheRunIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 2m, writable: true}\n");

        assertAt(e, "bad.yaml", 10, 10);
        assertThat(e.message()).contains("at 2m is after the run ends (duration 1m)");
    }

    @Test
    void endIsNotATimeForTheTimeline() {
        ScenarioError e = errorReading(BASE + "timeline:\n  - {at: end, do: fail-az, target: us-east-1a}\n");

        assertAt(e, "bad.yaml", 10, 10);
        assertThat(e.message()).contains("at 'end' is not a duration");
    }

    // ---- expectations --------------------------------------------------------------------------------------------

    @Test
    void anExpectationThatChecksNothingIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s}\n");

        assertAt(e, "bad.yaml", 10, 5);
        assertThat(e.message()).contains("this expectation checks nothing", "writable, readable");
    }

    @Test
    void aQuorumCheckWithoutAProtectionGroupIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, writeQuorum: true}\n");

        assertAt(e, "bad.yaml", 10, 14);
        assertThat(e.message()).contains("writeQuorum needs a pg", "Add pg: pg-0");
    }

    @Test
    void anExpectationOnAMissingProtectionGroupIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, pg: pg-7, readQuorum: true}\n");

        assertAt(e, "bad.yaml", 10, 18);
        assertThat(e.message()).contains("protection group 'pg-7' does not exist", "pg-0 to pg-2");
    }

    @Test
    void theLiveChecksRefuseBadValuesInAScenarioToo() {
        // the same reader as a lesson's until: {when: ...}; one case each way it can go wrong here
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, failoverPhase: promotion}\n");
        assertAt(e, "bad.yaml", 10, 29);
        assertThat(e.message()).contains("unknown failover phase 'promotion'", "promoting");
        e = errorReading(BASE + "expect:\n  - {at: 1s, replicaLagMillisAtMost: {reader-9: 100}}\n");
        assertAt(e, "bad.yaml", 10, 39);
        assertThat(e.message()).contains("instance 'reader-9'", "reader-1");
        e = errorReading(BASE + "expect:\n  - {at: 1s, writesPendingAtMost: 5, writesPendingAtLeast: 6}\n");
        assertAt(e, "bad.yaml", 10, 38);
        assertThat(e.message()).contains("can never hold");
        e = errorReading(BASE + "expect:\n  - {at: 1s, clusterEndpoint: reader-9}\n");
        assertAt(e, "bad.yaml", 10, 31);
        assertThat(e.message()).contains("clusterEndpoint 'reader-9' is not an instance", "reader-1");
    }

    @Test
    void moreThanSixSegmentsUpIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, pg: pg-0, segmentsUp: 7}\n");

        assertAt(e, "bad.yaml", 10, 36);
        assertThat(e.message()).contains("segmentsUp must be 0 to 6, not 7");
    }

    @Test
    void aNegativeCountOfLostWritesIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: end, acknowledgedWritesLost: -1}\n");

        assertAt(e, "bad.yaml", 10, 39);
        assertThat(e.message()).contains("acknowledgedWritesLost must be 0 or more, not -1");
    }

    @Test
    void anExpectedWriterThatIsNoInstanceIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: end, writer: writr-1}\n");

        assertAt(e, "bad.yaml", 10, 23);
        assertThat(e.message()).contains("writer 'writr-1' is not an instance", "did you mean 'writer-1'?",
                "null for no writer");
    }

    @Test
    void aQuotedBooleanIsRefused() {
        ScenarioError e = errorReading(BASE + "expect:\n  - {at: 1s, writable: \"true\"}\n");

        assertAt(e, "bad.yaml", 10, 24);
        assertThat(e.message()).contains("writable must be true or false, not text 'true'");
    }

    // ---- the rendering ---------------------------------------------------------------------------------------------

    @Test
    void anErrorRendersAsFileLineColumnProblemAndFix() {
        ScenarioError e = new ScenarioError("x.yaml", 3, 7, "something is wrong", "Do this instead");

        assertThat(e).hasToString("x.yaml:3:7: something is wrong. Do this instead");
        assertThat(e.message()).isEqualTo(e.toString()).isEqualTo(e.getMessage());
        assertThat(e.problem()).isEqualTo("something is wrong");
        assertThat(e.fix()).isEqualTo("Do this instead");
    }
}
