package dev.auroralab.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudyRecordTest {

    private static Question question(String id, Domain domain) {
        return ExamFixtures.question(id, domain);
    }

    private static final Question A = question("a", Domain.STORAGE);
    private static final Question B = question("b", Domain.STORAGE);
    private static final Question C = question("c", Domain.HIGH_AVAILABILITY);

    @Test
    void aQuestionMissedInOneSessionComesBackFirstInTheNext() {
        StudyRecord r = new StudyRecord();
        r.startSession();
        r.answered(A, true);
        r.answered(B, false);
        r.answered(C, true);

        r.startSession();
        assertThat(r.isDue("b")).isTrue();
        assertThat(r.isDue("a")).as("answered right: box 2, back in two sessions").isFalse();
        assertThat(r.order(List.of(A, B, C))).startsWith(B);
    }

    @Test
    void aRightAnswerMovesUpABoxAndAWrongOneBackToTheFirst() {
        StudyRecord r = new StudyRecord();
        r.startSession();
        r.answered(A, true);
        assertThat(r.card("a").box()).isEqualTo(2);
        r.answered(A, true);
        r.answered(A, true);
        r.answered(A, true);
        r.answered(A, true);
        assertThat(r.card("a").box()).as("never above the last box").isEqualTo(StudyRecord.BOXES);
        r.answered(A, false);
        assertThat(r.card("a").box()).isEqualTo(1);
        assertThat(r.card("b")).as("never answered: new").isNull();
    }

    @Test
    void aQuestionInBoxNComesBackAfterTwoToTheNMinusOneSessions() {
        for (int box = 1; box <= StudyRecord.BOXES; box++) {
            StudyRecord r = new StudyRecord(10, Map.of("a", new StudyRecord.Card(box, 10)), Map.of(), Map.of());
            int interval = StudyRecord.intervalSessions(box);
            for (int i = 1; i < interval; i++) {
                r.startSession();
                assertThat(r.isDue("a")).as("box %d, %d sessions later", box, i).isFalse();
            }
            r.startSession();
            assertThat(r.isDue("a")).as("box %d, %d sessions later", box, interval).isTrue();
        }
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(StudyRecord::intervalSessions).toList())
                .containsExactly(1, 2, 4, 8, 16);
    }

    @Test
    void newQuestionsComeOneDomainAtATurnEachDomainInItsOwnOrder() {
        Question h1 = question("h1", Domain.HIGH_AVAILABILITY);
        Question h2 = question("h2", Domain.HIGH_AVAILABILITY);
        Question h3 = question("h3", Domain.HIGH_AVAILABILITY);
        Question s1 = question("s1", Domain.STORAGE);
        Question s2 = question("s2", Domain.STORAGE);
        Question g1 = question("g1", Domain.GLOBAL_DATABASE);
        StudyRecord r = new StudyRecord();
        assertThat(r.order(List.of(h1, h2, h3, s1, s2, g1))).containsExactly(h1, s1, g1, h2, s2, h3);
    }

    @Test
    void theOrderIsDueByLowestBoxThenNewThenTheRest() {
        Question d = question("d", Domain.STORAGE);
        Question e = question("e", Domain.STORAGE);
        StudyRecord r = new StudyRecord(8, Map.of(
                "a", new StudyRecord.Card(3, 4), // due (4 sessions)
                "b", new StudyRecord.Card(1, 7), // due (1 session), lower box: first
                "c", new StudyRecord.Card(5, 7)), // not due
                Map.of(), Map.of());
        assertThat(r.order(List.of(A, C, d, B, e))).containsExactly(B, A, d, e, C);
        assertThat(r.dueCount(List.of(A, B, C, d, e))).isEqualTo(2);
        assertThat(r.boxCounts(List.of(A, B, C, d, e))).containsExactly(2, 1, 0, 1, 0, 1);
    }

    @Test
    void predictionsAndPracticeAreTalliedPerDomainAndTogether() {
        StudyRecord r = new StudyRecord();
        r.answered(A, true);
        r.answered(B, false);
        r.predicted(Domain.STORAGE, true);
        r.predicted(Domain.HIGH_AVAILABILITY, false);
        assertThat(r.session()).as("an answer outside a session starts one").isEqualTo(1);
        assertThat(r.practice()).containsExactly(Map.entry(Domain.STORAGE, new Tally(2, 1)));
        assertThat(r.predictions()).containsEntry(Domain.HIGH_AVAILABILITY, new Tally(1, 0));
        assertThat(r.combined()).containsEntry(Domain.STORAGE, new Tally(3, 2))
                .containsEntry(Domain.HIGH_AVAILABILITY, new Tally(1, 0));
    }

    @Test
    void aRecordThatContradictsItselfIsRefused() {
        assertThatThrownBy(() -> new StudyRecord(2, Map.of("a", new StudyRecord.Card(1, 3)), Map.of(), Map.of()))
                .hasMessageContaining("after the last session");
        assertThatThrownBy(() -> new StudyRecord.Card(6, 1)).hasMessageContaining("box 1 to 5");
        assertThatThrownBy(() -> new Tally(2, 3)).hasMessageContaining("right <= asked");
    }

    /**
     * A seeded sweep of sessions with random answers against a plain model of the rule: every question answered
     * wrong is due next session and ordered before every question not due; boxes follow right/wrong exactly.
     */
    @Test
    void aSweepOfRandomSessionsKeepsTheLeitnerRules() {
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bank.add(question("q" + i, Domain.values()[i % Domain.values().length]));
        }
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            StudyRecord r = new StudyRecord();
            Map<String, int[]> model = new HashMap<>(); // id -> {box, lastSession}
            for (int s = 0; s < 30; s++) {
                int session = r.startSession();
                List<Question> order = r.order(bank);
                assertThat(order).as("seed %d: every question once", seed).hasSameElementsAs(bank).hasSize(12);
                int firstNotDue = order.size();
                for (int i = 0; i < order.size(); i++) {
                    int[] m = model.get(order.get(i).id());
                    boolean due = m != null && session - m[1] >= (1 << (m[0] - 1));
                    assertThat(r.isDue(order.get(i).id())).as("seed %d session %d", seed, session).isEqualTo(due);
                    if (!due) {
                        firstNotDue = Math.min(firstNotDue, i);
                    } else {
                        assertThat(i).as("seed %d: a due question before every other", seed).isLessThan(firstNotDue);
                    }
                }
                int asked = 1 + rnd.nextInt(6);
                for (Question q : order.subList(0, asked)) {
                    boolean right = rnd.nextInt(3) > 0;
                    r.answered(q, right);
                    int[] m = model.get(q.id());
                    int box = right ? Math.min(5, (m == null ? 1 : m[0]) + 1) : 1;
                    model.put(q.id(), new int[] {box, session});
                    assertThat(r.card(q.id())).isEqualTo(new StudyRecord.Card(box, session));
                }
            }
        }
    }
}
