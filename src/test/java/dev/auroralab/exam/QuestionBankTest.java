package dev.auroralab.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bank's model without a file: lookups, counts, a seeded draw, typed answers and the scorecard. */
class QuestionBankTest {

    private static Question q(String id, Domain domain) {
        return new Question(id, domain, List.of(Exam.SAA_C03), "Ask " + id + "?", List.of("A one", "B one", "C one",
                "D one"), 2, "Because.", List.of("P17 §2.1"), null, null, 0);
    }

    private static QuestionBank bank() {
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            qs.add(q("q" + i, i % 3 == 0 ? Domain.STORAGE : Domain.HIGH_AVAILABILITY));
        }
        return new QuestionBank("test.yaml", qs);
    }

    @Test
    void theSameSeedDrawsTheSameQuestionsInTheSameOrderAndAnotherSeedAnotherOrder() {
        QuestionBank b = bank();
        List<Question> first = b.draw(null, 5, 42);
        assertThat(b.draw(null, 5, 42)).isEqualTo(first);
        assertThat(first).hasSize(5).doesNotHaveDuplicates();
        assertThat(b.draw(null, 5, 43)).isNotEqualTo(first);
        assertThat(b.draw(null, 12, 42)).as("all of them, shuffled").containsExactlyInAnyOrderElementsOf(
                b.questions()).isNotEqualTo(b.questions());
    }

    @Test
    void aDrawKeepsToItsDomainAndStopsAtWhatTheDomainHas() {
        QuestionBank b = bank();
        assertThat(b.draw(Domain.STORAGE, 10, 1)).hasSize(4).allMatch(x -> x.domain() == Domain.STORAGE);
        assertThat(b.draw(Domain.SECURITY, 10, 1)).isEmpty();
        assertThatThrownBy(() -> b.draw(null, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsListEveryDomainInOrderWithItsDemonstratedOnes() {
        List<QuestionBank.DomainCount> counts = bank().counts();
        assertThat(counts).extracting(QuestionBank.DomainCount::domain).containsExactly(Domain.values());
        assertThat(counts.get(0)).isEqualTo(new QuestionBank.DomainCount(Domain.HIGH_AVAILABILITY, 8, 0));
        assertThat(counts.get(2).stated()).isEqualTo(4);
        assertThat(bank().byDomain()).containsOnlyKeys(Domain.HIGH_AVAILABILITY, Domain.STORAGE);
        assertThat(bank().byId("q3")).map(Question::domain).contains(Domain.STORAGE);
    }

    @Test
    void twoQuestionsWithOneIdAreRefused() {
        assertThatThrownBy(() -> new QuestionBank("b.yaml", List.of(q("same", Domain.STORAGE), q("same",
                Domain.SECURITY)))).hasMessageContaining("'same' is used twice");
    }

    @Test
    void aLearnerAnswersWithANumberOrALetterInEitherCase() {
        Question x = q("x", Domain.STORAGE);
        assertThat(x.choiceTyped("3")).isEqualTo(2);
        assertThat(x.choiceTyped(" c ")).isEqualTo(2);
        assertThat(x.choiceTyped("A")).isZero();
        assertThat(x.choiceTyped("5")).isEqualTo(-1);
        assertThat(x.choiceTyped("e")).isEqualTo(-1);
        assertThat(x.choiceTyped("0")).isEqualTo(-1);
        assertThat(x.choiceTyped("ab")).isEqualTo(-1);
        assertThat(x.choiceTyped("")).isEqualTo(-1);
        assertThat(Question.letter(3)).isEqualTo('D');
        assertThat(x.answerText()).isEqualTo("C one");
    }

    @Test
    void aQuestionNeedsTwoToFiveChoicesAnAnswerAmongThemAnExplanationAndSources() {
        assertThatThrownBy(() -> new Question("x", Domain.STORAGE, List.of(Exam.SAA_C03), "?", List.of("only"), 0,
                "e", List.of("P17"), null, null, 0)).hasMessageContaining("choices");
        assertThatThrownBy(() -> new Question("x", Domain.STORAGE, List.of(Exam.SAA_C03), "?", List.of("a", "b"), 2,
                "e", List.of("P17"), null, null, 0)).hasMessageContaining("answer");
        assertThatThrownBy(() -> new Question("x", Domain.STORAGE, List.of(Exam.SAA_C03), "?", List.of("a", "b"), 0,
                "e", List.of(), null, null, 0)).hasMessageContaining("sources");
        assertThatThrownBy(() -> new Question("x", Domain.STORAGE, List.of(), "?", List.of("a", "b"), 0,
                "e", List.of("P17"), null, null, 0)).hasMessageContaining("exams");
    }

    @Test
    void theScorecardCountsRightAndWrongPerDomainAndListsTheMissedOnes() {
        Question s = q("s", Domain.STORAGE);
        Question h = q("h", Domain.HIGH_AVAILABILITY);
        Scorecard card = new Scorecard();
        assertThat(card.record(s, 2)).isTrue();
        assertThat(card.record(h, 0)).isFalse();
        assertThat(card.record(q("s2", Domain.STORAGE), 1)).isFalse();
        assertThat(card.total()).isEqualTo(new Tally(3, 1));
        assertThat(card.byDomain()).containsExactly(
                java.util.Map.entry(Domain.HIGH_AVAILABILITY, new Tally(1, 0)),
                java.util.Map.entry(Domain.STORAGE, new Tally(2, 1)));
        assertThat(card.missed()).extracting(Question::id).containsExactly("h", "s2");
        assertThatThrownBy(() -> card.record(s, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainsAndExamsAreFoundByTheirWords() {
        assertThat(Domain.ofWord("global-database")).contains(Domain.GLOBAL_DATABASE);
        assertThat(Domain.ofWord("Global Database")).isEmpty();
        assertThat(Exam.ofWord("SOA-C03")).contains(Exam.SOA_C03);
        assertThat(Exam.words()).containsExactly("saa-c03", "sap-c02", "soa-c03", "dva-c02");
        assertThat(Sources.tagOf("UG-2023")).isEqualTo("UG-2023");
        assertThat(Sources.tagOf("UG Concepts.AuroraHighAvailability")).isEqualTo("UG");
        assertThat(Sources.tagOf("Wikipedia")).isNull();
    }
}
