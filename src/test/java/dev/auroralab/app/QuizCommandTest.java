package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiz} as a learner uses it in a terminal, answers fed on standard input; {@code quiz --list};
 * {@code quiz --scenario-of}; and {@code validate} and {@code run} given a question bank.
 */
class QuizCommandTest {

    /** Three questions: one shown by a built-in scenario, one stated with a change note, one on the bank's scenario. */
    private static final String BANK = """
            schemaVersion: 1
            scenarios:
              lonely:
                schemaVersion: 1
                duration: 90s
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances: [{id: writer-1, az: us-east-1a, role: writer}]
                timeline: [{at: 30s, do: fail-instance, target: writer-1}]
            questions:
              - id: az-out
                domain: storage
                exams: [saa-c03, sap-c02]
                ask: An AZ goes out. Do writes go on?
                choices: ['No', 'Yes, with four of six copies', Only after a failover, Only in another Region]
                answer: 2
                explanation: Four of six copies are a write quorum.
                sources: [P17 §2.1]
                demonstration:
                  scenario: lose-an-az
                  at: 15s
                  highlight: [az:us-east-1c]
                  shows: {writable: true}
                  distractors: {1: {writable: false}}
              - id: how-many-regions
                domain: global-database
                exams: [sap-c02]
                ask: How many secondary Regions?
                choices: ['5', '10', '15', '16']
                answer: 2
                explanation: Up to 10 secondary Regions.
                sources: [UG aurora-global-database]
                changed: The June 2023 User Guide said 5.
              - id: lonely-writer
                domain: high-availability
                exams: [soa-c03]
                ask: With no replica, who writes a minute after the writer is lost?
                choices: [Nobody, A standby, writer-1, The storage]
                answer: 1
                explanation: The writer is being recreated.
                sources: [UG-2023]
                demonstration: {scenario: lonely, at: 60s, shows: {writer: null}}
            """;

    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    private Path bankFile(String text) throws Exception {
        Path p = dir.resolve("bank.yaml");
        Files.writeString(p, text);
        return p;
    }

    /** The questions of the test bank in the order a quiz with this seed asks them. */
    private static List<Question> order(long seed) throws Exception {
        return QuestionBankReader.read("bank.yaml", BANK).draw(null, 3, seed);
    }

    @Test
    void listPrintsOneLinePerQuestionWithItsDomainExamsAndWhetherItIsDemonstratedThenCountsPerDomain()
            throws Exception {
        assertThat(cli.run("quiz", "--list")).isZero();
        QuestionBank bank = QuestionBankReader.builtIn();
        List<String> lines = cli.out().lines().toList();
        for (int i = 0; i < bank.size(); i++) {
            Question q = bank.questions().get(i);
            assertThat(lines.get(i).split("\\s+")).containsExactly(q.id(), q.domain().word(),
                    String.join(",", q.exams().stream().map(e -> e.code()).toList()),
                    q.demonstrated() ? "demonstrated" : "stated");
        }
        assertThat(cli.out()).contains(bank.size() + " questions, " + bank.demonstrated().size() + " demonstrated, "
                + bank.stated().size() + " stated (questions.yaml)");
        for (QuestionBank.DomainCount c : bank.counts()) {
            assertThat(cli.out()).containsPattern("  " + c.domain().word() + " +" + c.questions() + " questions, +"
                    + c.demonstrated() + " demonstrated, +" + c.stated() + " stated");
        }
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void listWithADomainListsOnlyThatDomain() throws Exception {
        assertThat(cli.run("quiz", "--list", "--domain", "serverless-v2")).isZero();
        assertThat(cli.out().lines().filter(l -> !l.startsWith(" ") && (l.endsWith(" stated")
                || l.endsWith(" demonstrated"))))
                .hasSize(QuestionBankReader.builtIn().inDomain(Domain.SERVERLESS_V2).size())
                .allMatch(l -> l.contains(" serverless-v2 "));
    }

    @Test
    void aQuizSaysRightOrWrongWithTheExplanationSourcesWhatChangedAndHowToWatchItThenScoresPerDomain()
            throws Exception {
        Path bank = bankFile(BANK);
        List<Question> asked = order(5);
        // the first right by letter (lower case), the second wrong by number, the third right after a typo
        Question first = asked.get(0);
        Question second = asked.get(1);
        Question third = asked.get(2);
        String input = (char) ('a' + first.answer()) + "\n" + ((second.answer() + 1) % 4 + 1) + "\n" + "7\n"
                + (third.answer() + 1) + "\n";
        assertThat(cli.runWithInput(input, "quiz", "--bank", bank.toString(), "--seed", "5")).isZero();
        String out = cli.out();
        assertThat(cli.err()).isEmpty();
        assertThat(out).startsWith("Aurora Lab quiz: 3 questions from bank.yaml, every domain, seed 5.");
        assertThat(out.indexOf(first.ask())).isLessThan(out.indexOf(second.ask()));
        assertThat(out.indexOf(second.ask())).isLessThan(out.indexOf(third.ask()));
        assertThat(out).contains("Question 1 of 3  [" + first.domain().title() + "; ");
        assertThat(out).contains("  A) " + first.choices().get(0)).contains("  D) " + first.choices().get(3));
        assertThat(out.replaceAll("\\s+", " ")).contains("Wrong: the answer is " + Question.letter(second.answer())
                + ") " + second.answerText());
        assertThat(out).contains("'7' is not a choice: answer 1-4 or A-D, or q to quit.");
        assertThat(out.split("Right\\.", -1)).hasSize(3);
        assertThat(out).contains("Why: Four of six copies are a write quorum.").contains("Sources: P17 §2.1");
        assertThat(out).contains("What changed: The June 2023 User Guide said 5.");
        assertThat(out).contains("Stated: the engine cannot show this one yet.");
        assertThat(out.replaceAll("\\s+", " ")).contains("Watch it: open `java -jar aurora-lab.jar --scenario"
                + " lose-an-az --at 15s` (the window opens there, paused at 0:15.000), or draw it: `java -jar"
                + " aurora-lab.jar screenshot lose-an-az --at 15s"
                + " --select az:us-east-1c --out az-out.png`")
                .contains("Watch it: save the scenario with `java -jar aurora-lab.jar quiz --bank " + bank
                        + " --scenario-of lonely-writer > lonely.yaml`, then open `java -jar aurora-lab.jar --scenario"
                        + " lonely.yaml --at 1m` (the window opens there, paused at 1:00.000)");
        assertThat(out).contains("Score: 2 of 3 right (67%)");
        assertThat(out).contains("  " + second.domain().title()).contains("Missed: " + second.id());
        assertThat(out.lines()).allMatch(l -> l.length() <= QuizCommand.WIDTH);
    }

    @Test
    void theSameSeedAsksTheSameQuestionsInTheSameOrder() {
        InProcessCli again = new InProcessCli();
        assertThat(cli.runWithInput("1\n1\n1\n1\n1\n", "quiz", "--seed", "11", "--count", "5")).isZero();
        assertThat(again.runWithInput("1\n1\n1\n1\n1\n", "quiz", "--seed", "11", "--count", "5")).isZero();
        assertThat(again.out()).isEqualTo(cli.out());
        InProcessCli other = new InProcessCli();
        assertThat(other.runWithInput("1\n1\n1\n1\n1\n", "quiz", "--seed", "12", "--count", "5")).isZero();
        assertThat(asked(other.out())).hasSize(5).isNotEqualTo(asked(cli.out()));
    }

    /** The first line of each question asked, in order. */
    private static List<String> asked(String out) {
        List<String> lines = out.lines().toList();
        List<String> asks = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Question ")) {
                asks.add(lines.get(i + 1));
            }
        }
        return asks;
    }

    @Test
    void aDomainQuizAsksOnlyThatDomainAndSaysWhenItHasFewerThanAsked() throws Exception {
        int n = QuestionBankReader.builtIn().inDomain(Domain.SECURITY).size();
        assertThat(cli.runWithInput("a\n".repeat(n), "quiz", "--domain", "security", "--count", "50", "--seed",
                "1")).isZero();
        assertThat(cli.out()).contains(n + " questions from questions.yaml, Security, seed 1")
                .contains("(the bank has only " + n + " in this domain; you asked for 50)");
        assertThat(cli.out().lines().filter(l -> l.startsWith("Question "))).hasSize(n)
                .allMatch(l -> l.contains("[Security; "));
    }

    @Test
    void qQuitsAndTheScoreCountsWhatWasAnsweredAndAnEmptyInputEndsWithNoScore() throws Exception {
        Path bank = bankFile(BANK);
        Question first = order(5).get(0);
        assertThat(cli.runWithInput((first.answer() + 1) + "\nq\n", "quiz", "--bank", bank.toString(), "--seed",
                "5")).isZero();
        assertThat(cli.out()).contains("Stopped after 1 of 3 questions.").contains("Score: 1 of 1 right (100%)");
        InProcessCli empty = new InProcessCli();
        assertThat(empty.runWithInput("", "quiz", "--bank", bank.toString(), "--seed", "5")).isZero();
        assertThat(empty.out()).contains("Stopped after 0 of 3 questions.").contains("No answers, no score.");
    }

    @Test
    void aBadDomainCountSeedOrOptionIsAUsageErrorWithExitCodeTwo() {
        InProcessCli domain = new InProcessCli();
        assertThat(domain.run("quiz", "--domain", "storge")).isEqualTo(2);
        assertThat(domain.err()).isEqualTo("aurora-lab quiz: unknown domain 'storge'. Use one of: "
                + String.join(", ", Domain.words()) + System.lineSeparator());
        for (String count : List.of("0", "-3", "ten")) {
            InProcessCli c = new InProcessCli();
            assertThat(c.run("quiz", "--count", count)).isEqualTo(2);
            assertThat(c.err()).contains("--count takes a whole number of questions, 1 or more; got '" + count + "'");
        }
        InProcessCli seed = new InProcessCli();
        assertThat(seed.run("quiz", "--seed", "x")).isEqualTo(2);
        assertThat(seed.err()).contains("--seed takes a whole number");
        InProcessCli option = new InProcessCli();
        assertThat(option.run("quiz", "--timed")).isEqualTo(2);
        assertThat(option.err()).contains("unknown option --timed").contains("usage: quiz");
        InProcessCli mixed = new InProcessCli();
        assertThat(mixed.run("quiz", "--list", "--count", "3")).isEqualTo(2);
        assertThat(mixed.err()).contains("--count is for a quiz, not for --list");
        assertThat(domain.out() + seed.out() + option.out() + mixed.out()).isEmpty();
    }

    @Test
    void aBankThatCannotBeReadIsRefusedWithItsLocatedMessage() throws Exception {
        Path bank = bankFile(BANK.replace("domain: storage", "domain: storge"));
        assertThat(cli.run("quiz", "--bank", bank.toString(), "--list")).isEqualTo(2);
        assertThat(cli.err()).startsWith("bank.yaml:").contains("unknown domain 'storge'")
                .contains("did you mean 'storage'?").doesNotContain("Exception");
    }

    @Test
    void aBankThatSaysWhatTheEngineDoesNotShowIsNeverTaughtByQuizOrScreenshot() throws Exception {
        // the answer's demonstration claims writes stop when an AZ goes: the engine shows they go on
        Path bank = bankFile(BANK.replace("shows: {writable: true}", "shows: {writable: false}"));
        assertThat(cli.runWithInput("2\n2\n1\n", "quiz", "--bank", bank.toString(), "--count", "3")).isEqualTo(2);
        assertThat(cli.err()).startsWith("bank.yaml:")
                .contains("the bank says what the engine does not show (1 check failed)")
                .contains("question az-out: the answer is not shown at 15s").contains("`validate`")
                .doesNotContain("Exception");
        assertThat(cli.out()).as("no question was asked").doesNotContain("Question 1");
        InProcessCli shot = new InProcessCli();
        assertThat(shot.run("screenshot", "--practice", "az-out", "--bank", bank.toString(), "--out",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(shot.err()).contains("the bank says what the engine does not show");
        assertThat(dir.resolve("x.png")).doesNotExist();
        InProcessCli fine = new InProcessCli();
        assertThat(fine.run("quiz", "--bank", bankFile(BANK).toString(), "--list")).isZero();
    }

    @Test
    void scenarioOfPrintsTheDemonstrationsScenarioAsAFileThatReadsBack() throws Exception {
        Path bank = bankFile(BANK);
        assertThat(cli.run("quiz", "--bank", bank.toString(), "--scenario-of", "lonely-writer")).isZero();
        Scenario s = ScenarioReader.read("lonely-writer.yaml", cli.out());
        assertThat(s.name()).isEqualTo("lonely");
        assertThat(s.durationMicros()).isEqualTo(90_000_000);
        assertThat(s.timeline()).hasSize(1);
        InProcessCli stated = new InProcessCli();
        assertThat(stated.run("quiz", "--bank", bank.toString(), "--scenario-of", "how-many-regions")).isEqualTo(2);
        assertThat(stated.err()).contains("'how-many-regions' is stated");
        InProcessCli missing = new InProcessCli();
        assertThat(missing.run("quiz", "--scenario-of", "no-such-question")).isEqualTo(2);
        assertThat(missing.err()).contains("no question 'no-such-question' in questions.yaml");
    }

    @Test
    void validateChecksABanksDemonstrationsAndSaysWhichOneTheEngineContradicts() throws Exception {
        Path bank = bankFile(BANK);
        assertThat(cli.run("validate", bank.toString())).isZero();
        assertThat(cli.out()).contains("bank.yaml: OK (question bank: 3 questions, 2 demonstrated and 1 stated; every"
                + " demonstration shows its answer, and 1 distractor claims do not hold)");
        Path wrong = bankFile(BANK.replace("shows: {writer: null}", "shows: {writer: writer-1}"));
        InProcessCli contradicted = new InProcessCli();
        assertThat(contradicted.run("validate", wrong.toString())).isEqualTo(1);
        assertThat(contradicted.err()).contains("bank.yaml:").contains(": question lonely-writer: the answer is not"
                + " shown at 1m").contains("1 demonstration check failed");
        Path broken = bankFile(BANK.replace("answer: 2\n    explanation: Four", "answer: 9\n    explanation: Four"));
        InProcessCli unreadable = new InProcessCli();
        assertThat(unreadable.run("validate", broken.toString())).isEqualTo(2);
        assertThat(unreadable.err()).contains("answer must be 1 to 4, not 9");
    }

    @Test
    void runGivenABankSaysToQuizOrValidateIt() throws Exception {
        Path bank = bankFile(BANK);
        assertThat(cli.run("run", bank.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("is a question bank").contains("quiz --bank").contains("validate");
    }

    @Test
    void theUsageTextListsTheQuizCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("quiz         quiz [--list] [--domain NAME] [--count N]");
    }
}
