package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.auroralab.exam.Demonstration;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Exam;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad question bank, refused with one message at the right line and column and a way to fix it; a good
 * one read whole. The bank below is two lines of header and one question from line 3, with its demonstration from
 * line 11; each case changes one line.
 */
class QuestionBankErrorsTest {

    private static final String GOOD = """
            schemaVersion: 1
            questions:
              - id: lose-an-az-writes-go-on
                domain: storage
                exams: [saa-c03, sap-c02]
                ask: An AZ with two copies of every group goes out. What happens to writes?
                choices: [They stop, They go on, They wait for a failover, They go to another region]
                answer: 2
                explanation: Four of six copies are left, a write quorum.
                sources: [P17 §2.1]
                demonstration:
                  scenario: lose-an-az
                  at: 15s
                  highlight: [az:us-east-1c, pg:pg-0]
                  shows: {writable: true, pg: pg-0, segmentsUp: 4}
                  distractors: {1: {writable: false}, 3: {writer: null}}
            """;

    /** The good bank with line {@code line} (1-based) replaced. */
    private static String withLine(int line, String replacement) {
        String[] lines = GOOD.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }

    private static ScenarioError error(String yaml) {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> QuestionBankReader.read("bank.yaml", yaml));
        assertThat(e).as("expected the bank to be refused").isNotNull();
        assertThat(e.message()).as("one line, no stack trace").doesNotContain("\n", "Exception", "\tat ");
        assertThat(e.fix()).as("says how to fix it").isNotBlank();
        return e;
    }

    private static void assertAt(ScenarioError e, int line, int column, String... says) {
        assertThat(e.message()).startsWith("bank.yaml:" + line + ":" + column + ": ").contains(says);
    }

    @Test
    void aGoodBankIsReadWithItsQuestionDomainExamsAnswerAndDemonstration() throws ScenarioError {
        QuestionBank bank = QuestionBankReader.read("bank.yaml", GOOD);
        assertThat(bank.size()).isEqualTo(1);
        Question q = bank.questions().get(0);
        assertThat(q.id()).isEqualTo("lose-an-az-writes-go-on");
        assertThat(q.domain()).isEqualTo(Domain.STORAGE);
        assertThat(q.exams()).containsExactly(Exam.SAA_C03, Exam.SAP_C02);
        assertThat(q.answer()).as("the file counts from 1").isEqualTo(1);
        assertThat(q.answerText()).isEqualTo("They go on");
        assertThat(q.sources()).containsExactly("P17 §2.1");
        assertThat(q.whatChanged()).isEmpty();
        assertThat(q.line()).isEqualTo(3);
        Demonstration d = q.demonstration();
        assertThat(d.scenarioName()).isEqualTo("lose-an-az");
        assertThat(d.builtIn()).isTrue();
        assertThat(d.atMicros()).isEqualTo(15_000_000);
        assertThat(d.highlight()).containsExactly("az:us-east-1c", "pg:pg-0");
        assertThat(d.shows().writable()).isTrue();
        assertThat(d.shows().segmentsUp()).isEqualTo(4);
        assertThat(d.shows().atMicros()).as("checked at the moment").isEqualTo(15_000_000);
        assertThat(d.shows().atText()).isEqualTo("15s");
        assertThat(d.distractors()).as("keyed 0-based").containsOnlyKeys(0, 2);
        assertThat(d.refutation(0).orElseThrow().writable()).isFalse();
        assertThat(d.refutation(2).orElseThrow().writerSpecified()).isTrue();
        assertThat(bank.counts().get(Domain.STORAGE.ordinal()).demonstrated()).isEqualTo(1);
    }

    @Test
    void questionsThatNameTheSameScenarioShareItAndTheBanksOwnScenariosAreFoundByName() throws ScenarioError {
        String second = """
                  - id: second
                    domain: high-availability
                    exams: [soa-c03]
                    ask: Who writes after the writer's host is lost?
                    choices: [Nobody, writer-1]
                    answer: 1
                    explanation: There is no replica; the writer is recreated in minutes.
                    sources: [UG-2023]
                    demonstration: {scenario: lonely, at: 40s, shows: {writer: null}}
                  - id: third
                    domain: storage
                    exams: [saa-c03]
                    ask: Again?
                    choices: ['Yes', 'No']
                    answer: 1
                    explanation: Same scenario.
                    sources: [model value]
                    demonstration: {scenario: lose-an-az, at: 20s, shows: {writable: true}}
                """;
        String own = """
                scenarios:
                  lonely:
                    schemaVersion: 1
                    cluster:
                      region: us-east-1
                      azs: [us-east-1a, us-east-1b, us-east-1c]
                      volumeGiB: 10
                      instances: [{id: writer-1, az: us-east-1a, role: writer}]
                    timeline: [{at: 30s, do: fail-instance, target: writer-1}]
                """;
        QuestionBank bank = QuestionBankReader.read("bank.yaml", GOOD.replace("questions:\n", own + "questions:\n")
                + second);
        Demonstration first = bank.questions().get(0).demonstration();
        Demonstration lonely = bank.byId("second").orElseThrow().demonstration();
        Demonstration third = bank.byId("third").orElseThrow().demonstration();
        assertThat(third.scenario()).as("one scenario object, so a check shares one run").isSameAs(first.scenario());
        assertThat(lonely.scenarioName()).isEqualTo("lonely");
        assertThat(lonely.builtIn()).isFalse();
        assertThat(lonely.scenario().name()).as("named by its key").isEqualTo("lonely");
        assertThat(bank.demonstrated()).hasSize(3);
    }

    @Test
    void aJsonBankIsReadLikeAYamlOne() throws ScenarioError {
        QuestionBank bank = QuestionBankReader.read("bank.json", """
                {"schemaVersion": 1, "questions": [{"id": "q", "domain": "security", "exams": ["dva-c02"],
                 "ask": "Tokens last?", "choices": ["15 min", "1 h"], "answer": 1,
                 "explanation": "IAM DB auth tokens last 15 minutes.", "sources": ["UG"]}]}
                """);
        assertThat(bank.stated()).extracting(Question::id).containsExactly("q");
    }

    @Test
    void aWrongOrMissingSchemaVersionIsRefused() {
        assertAt(error(withLine(1, "schemaVersion: 2")), 1, 16, "schemaVersion 2 is not supported");
        assertAt(error(withLine(1, "version: 1")), 1, 1, "missing 'schemaVersion'");
    }

    @Test
    void anUnknownKeyIsRefusedAtTheKeyWithTheKeysAllowed() {
        assertAt(error(withLine(9, "    explain: Four of six copies are left.")), 9, 5, "unknown key 'explain'",
                "did you mean 'explanation'?");
        assertAt(error("title: x\n" + GOOD.replace("schemaVersion: 1\n", "schemaVersion: 1\nquestion: []\n")), 3,
                1, "unknown key 'question'");
        assertAt(error(withLine(13, "      moment: 15s")), 13, 7, "unknown key 'moment' in a demonstration");
    }

    @Test
    void anUnknownDomainIsRefusedWithTheDomainsAllowed() {
        ScenarioError e = error(withLine(4, "    domain: storge"));
        assertAt(e, 4, 13, "unknown domain 'storge'", "(did you mean 'storage'?)");
        assertThat(e.fix()).contains(String.join(", ", Domain.words()));
    }

    @Test
    void anUnknownExamOrOneListedTwiceIsRefusedWithTheExamsAllowed() {
        ScenarioError e = error(withLine(5, "    exams: [saa-c03, soa-c02]"));
        assertAt(e, 5, 22, "unknown exam 'soa-c02'", "did you mean 'soa-c03'?");
        assertThat(e.fix()).contains("saa-c03, sap-c02, soa-c03, dva-c02");
        assertAt(error(withLine(5, "    exams: [saa-c03, saa-c03]")), 5, 22, "listed twice");
        assertAt(error(withLine(5, "    exams: []")), 5, 12, "no exam");
    }

    @Test
    void anAnswerThatIsNotAChoiceIsRefusedAtTheAnswer() {
        assertAt(error(withLine(8, "    answer: 5")), 8, 13, "answer must be 1 to 4, not 5", "counting from 1");
        assertAt(error(withLine(8, "    answer: 0")), 8, 13, "answer must be 1 to 4, not 0");
    }

    @Test
    void tooFewTooManyOrRepeatedChoicesAreRefused() {
        assertAt(error(withLine(7, "    choices: [Only one]")), 7, 14, "2 to 5 choices, not 1");
        assertAt(error(withLine(7, "    choices: [a, b, c, d, e, f]")), 7, 14, "2 to 5 choices, not 6");
        assertAt(error(withLine(7, "    choices: [They stop, They go on, They stop, Other]")), 7, 38,
                "the same as choice 1");
    }

    @Test
    void aQuestionIdUsedTwiceIsRefusedAtTheSecondWithTheFirstsLine() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - id:"));
        assertAt(error(twice), 17, 9, "question id 'lose-an-az-writes-go-on' is used twice (first on line 3)");
        assertAt(error(withLine(3, "  - id: Lose An AZ")), 3, 9, "hyphens");
    }

    @Test
    void anExplanationOrItsSourcesMissingOrUnknownIsRefused() {
        assertAt(error(withLine(9, "    explanation: ' '")), 9, 18, "explanation is empty");
        assertAt(error(withLine(10, "    sources: []")), 10, 14, "no source");
        ScenarioError tag = error(withLine(10, "    sources: [Wikipedia]"));
        assertAt(tag, 10, 15, "source 'Wikipedia' does not start with a known tag");
        assertThat(tag.fix()).contains("P17, P18, UG, UG-2023").contains("model value");
        assertAt(error(withLine(10, "    # no sources")), 3, 5, "question 'lose-an-az-writes-go-on' is missing"
                + " 'sources'");
    }

    @Test
    void aDemonstrationOfAnUnknownScenarioIsRefusedWithTheNamesAllowed() {
        ScenarioError e = error(withLine(12, "      scenario: lose-an-a"));
        assertAt(e, 12, 17, "'lose-an-a' is neither a built-in scenario nor one of the bank's scenarios",
                "did you mean 'lose-an-az'?");
        assertThat(e.fix()).contains(String.join(", ", BuiltInScenarios.NAMES)).contains("inline");
    }

    @Test
    void aHighlightedElementTheScenarioLacksIsRefused() {
        assertAt(error(withLine(14, "      highlight: [az:us-east-1d]")), 14, 19, "AZ 'us-east-1d' in highlight is not"
                + " one of the scenario's AZs");
        assertAt(error(withLine(14, "      highlight: [instance:reader-9]")), 14, 19, "reader-9");
        assertAt(error(withLine(14, "      highlight: [pg-0]")), 14, 19, "kind:id");
        assertAt(error(withLine(14, "      highlight: [region:eu-west-1]")), 14, 19, "region 'eu-west-1'");
    }

    @Test
    void anExpectationKeyOrValueThatIsWrongIsRefusedAsInALessonsCondition() {
        assertAt(error(withLine(15, "      shows: {writeable: true}")), 15, 15, "unknown key 'writeable' in a"
                + " condition", "did you mean 'writable'?");
        assertAt(error(withLine(15, "      shows: {writer: reader-9}")), 15, 23, "writer 'reader-9' is not an"
                + " instance of this scenario");
        assertAt(error(withLine(15, "      shows: {segmentsUp: 4}")), 15, 15, "segmentsUp needs a pg");
        assertAt(error(withLine(15, "      shows: {regionRole: {eu-west-1: primary}}")), 15, 28, "region"
                + " 'eu-west-1' is not a region of this scenario");
        assertAt(error(withLine(15, "      shows: {}")), 15, 14, "this condition checks nothing");
        assertAt(error(withLine(16, "      distractors: {1: {writable: maybe}}")), 16, 35, "writable must be true"
                + " or false");
    }

    @Test
    void aMomentAfterTheScenarioEndsOrAMissingShowsIsRefused() {
        assertAt(error(withLine(13, "      at: 2m")), 13, 11, "after the run ends (duration 1m)");
        assertAt(error(withLine(15, "      # no shows")), 12, 7, "the demonstration is missing 'shows'");
    }

    @Test
    void aDistractorKeyedByTheAnswerOrByNoChoiceIsRefusedAtTheKey() {
        assertAt(error(withLine(16, "      distractors: {2: {writable: false}}")), 16, 21, "choice 2 is the answer");
        assertAt(error(withLine(16, "      distractors: {B: {writable: false}}")), 16, 21, "'B' is not the number of"
                + " a choice", "from 1 to 4");
        assertAt(error(withLine(16, "      distractors: {7: {writable: false}}")), 16, 21, "'7' is not the number");
    }

    @Test
    void aDistractorsClaimMayHaveItsOwnMomentWithinTheRun() throws ScenarioError {
        Demonstration d = QuestionBankReader.read("bank.yaml", withLine(16, "      distractors: {3: {at: 5s, writer:"
                + " null}}")).questions().get(0).demonstration();
        assertThat(d.refutation(2).orElseThrow().atMicros()).isEqualTo(5_000_000);
        assertThat(d.shows().atMicros()).isEqualTo(15_000_000);
        assertAt(error(withLine(16, "      distractors: {3: {at: 2m, writer: null}}")), 16, 29, "after the run ends");
        assertAt(error(withLine(16, "      distractors: {3: {at: 5s}}")), 16, 24, "checks nothing");
    }

    @Test
    void aBanksOwnScenarioMayNotTakeABuiltInsNameAndItsOwnErrorsAreLocatedInTheBank() {
        String clash = GOOD.replace("questions:\n", "scenarios:\n  lose-an-az: {schemaVersion: 1}\nquestions:\n");
        assertAt(error(clash), 3, 3, "'lose-an-az' is the name of a built-in scenario");
        String inline = withLine(12, "      scenario: {schemaVersion: 1, cluster: {region: us-east-1, azs: [us-east-1a,"
                + " us-east-1b, us-east-1c], volumeGiB: 10, instances: [{id: writer-1, az: us-east-1d, role:"
                + " writer}]}}");
        assertAt(error(inline), 12, 154, "us-east-1d");
    }

    @Test
    void aBankFileIsToldFromAScenarioAndALessonByItsQuestionsKey(@TempDir Path dir) throws Exception {
        Path bank = dir.resolve("bank.yaml");
        Files.writeString(bank, GOOD, StandardCharsets.UTF_8);
        Path scenario = dir.resolve("scenario.yaml");
        Files.writeString(scenario, "schemaVersion: 1\ncluster: {}\n", StandardCharsets.UTF_8);
        assertThat(QuestionBankReader.isQuestionBank(bank)).isTrue();
        assertThat(QuestionBankReader.isQuestionBank(scenario)).isFalse();
        assertThat(QuestionBankReader.isQuestionBank(dir.resolve("missing.yaml"))).isFalse();
        assertThat(QuestionBankReader.read(bank).size()).isEqualTo(1);
    }
}
