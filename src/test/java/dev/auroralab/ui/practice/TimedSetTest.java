package dev.auroralab.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Exam;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.scenario.Expectation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timed set's rules and the words a demonstration's moment is said in, without a window. */
class TimedSetTest {

    private static Question q(String id, Domain domain) {
        return new Question(id, domain, List.of(Exam.SAA_C03), "Which?", List.of("one", "two", "three", "four"), 1,
                "Because.", List.of("P17 §2.1"), null, null, 0);
    }

    private static List<Question> pool(int n) {
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            qs.add(q("q" + i, i % 2 == 0 ? Domain.STORAGE : Domain.HIGH_AVAILABILITY));
        }
        return qs;
    }

    @Test
    void aSetTakesTheDueQuestionsFirstThenNewOnesAndTheSameSeedGivesTheSameSet() {
        List<Question> pool = pool(12);
        StudyRecord record = new StudyRecord();
        record.startSession();
        record.answered(pool.get(11), false);
        record.answered(pool.get(10), true);
        record.startSession(); // q11 is due now; q10 is not

        List<Question> set = TimedSet.pick(record, pool, 5, 7);
        assertThat(set).hasSize(5).contains(pool.get(11)).doesNotContain(pool.get(10));
        assertThat(set).as("the first four new ones besides the due one").containsAll(pool.subList(0, 4));
        assertThat(TimedSet.pick(record, pool, 5, 7)).containsExactlyElementsOf(set);
        assertThat(TimedSet.pick(record, pool, 50, 7)).as("never more than the pool").hasSize(12);
    }

    @Test
    void anAnswerCanBeChangedUntilTheLearnerGoesOnAndNotAfter() {
        TimedSet set = new TimedSet(pool(3), 1_000);
        assertThat(set.moveOn(2_000)).as("nothing chosen: no moving on").isNull();
        assertThat(set.choose(0)).isTrue();
        assertThat(set.choose(1)).as("changed").isTrue();
        assertThat(set.choose(4)).as("no fifth choice").isFalse();
        assertThat(set.chosen()).isEqualTo(1);
        assertThat(set.moveOn(2_000).right()).isTrue();
        assertThat(set.index()).isEqualTo(1);
        assertThat(set.chosen()).as("the next question starts unanswered").isEqualTo(-1);
        set.choose(0);
        set.moveOn(3_000);
        set.choose(2);
        set.moveOn(61_000_001_000L);
        assertThat(set.finished()).isTrue();
        assertThat(set.choose(1)).as("a finished set takes no answer").isFalse();
        assertThat(set.scorecard().total().right()).isEqualTo(1);
        assertThat(set.missed()).hasSize(2);
        assertThat(set.elapsedNanos(999_000_000_000L)).as("the clock stops at the end").isEqualTo(61_000_000_000L);
        assertThat(TimedSet.clock(set.elapsedNanos(0))).isEqualTo("1:01");
        assertThat(TimedSet.clock(3_725_000_000_000L)).isEqualTo("1:02:05");
        assertThat(TimedSet.clock(set.paceNanos())).as("two minutes a question").isEqualTo("6:00");
    }

    @Test
    void aDemonstrationsMomentIsSaidInWords() {
        Expectation e = new Expectation(15_000_000L, "15s", false, true, true, null, "pg-0", false, true, 3, 0L,
                null, 0L, null, null, 1);
        assertThat(ExpectationWords.sentence(e)).isEqualTo("writes stop (the volume is not writable) · reads go on"
                + " · there is no writer · pg-0 has 3 copies up, no write quorum, a read quorum · no acknowledged write"
                + " is lost · no write is waiting");
        Expectation writer = new Expectation(1L, "1s", null, null, true, "reader-3", null, null, null, null, null,
                1);
        assertThat(ExpectationWords.sentence(writer)).isEqualTo("the writer is reader-3");
    }

    @Test
    void whatMovesIsSaidInWordsToo() {
        // in file order, as the reader keeps them
        java.util.Map<String, Long> most = new java.util.LinkedHashMap<>();
        most.put("reader-1", 20L);
        most.put("reader-2", 20L);
        java.util.Map<String, Long> least = new java.util.LinkedHashMap<>();
        least.put("reader-1", 5L);
        least.put("reader-2", 5L);
        Expectation.LiveChecks live = new Expectation.LiveChecks(most, least, 20L, null, 100L, null,
                dev.auroralab.engine.snapshot.FailoverPhase.NONE, null, null, "reader-3");
        Expectation e = new Expectation(1L, "1s", true, null, false, null, null, null, null, null, null, null, null,
                null, null, live, 1);
        assertThat(ExpectationWords.sentence(e)).isEqualTo("the volume takes writes · the cluster endpoint resolves"
                + " to reader-3 · no failover is under way · the lag of reader-1 and reader-2 is 5 to 20 ms · commits"
                + " take at most 20 ms · at most 100 writes are waiting");
    }
}
