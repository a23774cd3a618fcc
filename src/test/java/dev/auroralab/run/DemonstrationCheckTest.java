package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.QuestionBank;
import dev.auroralab.run.DemonstrationCheck.Outcome;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.ScenarioError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check fails a demonstration that does not show its answer, and a distractor whose claim holds. */
class DemonstrationCheckTest {

    private static final String BANK = """
            schemaVersion: 1
            questions:
              - id: who-writes
                domain: high-availability
                exams: [saa-c03]
                ask: Who writes after the failover?
                choices: [reader-1, reader-2, reader-3, writer-1]
                answer: %d
                explanation: The lowest tier, then the largest instance.
                sources: [UG Concepts.AuroraHighAvailability]
                demonstration:
                  scenario: writer-crash-failover-by-tier
                  at: 50s
                  shows: {writer: %s}
                  distractors: {%d: %s}
            """;

    private static List<Outcome> check(int answer, String shows, int distractor, String claim) throws ScenarioError {
        QuestionBank bank = QuestionBankReader.read("bank.yaml", BANK.formatted(answer, shows, distractor, claim));
        return DemonstrationCheck.check(bank);
    }

    @Test
    void aTrueAnswerAndARefutedDistractorPass() throws ScenarioError {
        Outcome o = check(3, "reader-3", 1, "{writer: reader-1}").get(0);
        assertThat(o.passed()).isTrue();
        assertThat(o.problems()).isEmpty();
        assertThat(o.refutations()).singleElement().satisfies(r -> {
            assertThat(r.choice()).isZero();
            assertThat(r.passed()).isTrue();
        });
    }

    @Test
    void anAnswerTheEngineDoesNotShowFailsAndSaysWhatItShows() throws ScenarioError {
        Outcome o = check(2, "reader-2", 1, "{writer: reader-1}").get(0);
        assertThat(o.passed()).isFalse();
        assertThat(o.problems()).singleElement().asString().contains("question who-writes: the answer is not shown")
                .contains("at 50s (line 14)").contains("writer reader-3, expected reader-2");
    }

    @Test
    void aDistractorWhoseClaimHoldsFailsEvenAtItsOwnMoment() throws ScenarioError {
        Outcome o = check(3, "reader-3", 4, "{at: 5s, writer: writer-1}").get(0);
        assertThat(o.passed()).isFalse();
        assertThat(o.problems()).singleElement().asString().contains("distractor 4 (D) holds too")
                .contains("at 5s (line 15)").contains("writer writer-1");
    }

    @Test
    void theChecksOnWhatMovesAreCheckedInADemonstrationToo() throws ScenarioError {
        // the writer is lost at 10 s: 40 s later the cluster endpoint names reader-3, not writer-1, and no failover
        // is under way; a demonstration that claims otherwise fails on those keys, not only on writable and writer
        Outcome o = check(3, "reader-3, clusterEndpoint: writer-1, failoverPhase: detecting", 1,
                "{replicaLagMillisAtMost: {reader-1: 100}}").get(0);
        assertThat(o.passed()).isFalse();
        assertThat(o.problems()).hasSize(2);
        assertThat(o.problems().get(0)).contains("clusterEndpoint reader-3, expected writer-1",
                "failoverPhase none, expected detecting");
        assertThat(o.problems().get(1)).contains("distractor 1 (A) holds too", "reader-1 replica lag");
    }
}
