package dev.auroralab.ui.practice;

import dev.auroralab.exam.Question;
import dev.auroralab.exam.Scorecard;
import dev.auroralab.exam.StudyRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One timed set: N questions asked in turn with no feedback, a choice that can be changed until the learner goes on
 * (and not after: there is no going back, so the clock measures one pass), and the answers kept in a
 * {@link Scorecard} for the result. The clock is the window's wall clock, read by the caller: what is taught never
 * depends on it, only the time shown.
 */
final class TimedSet {

    /** A set asks this many questions unless the learner picks another number. */
    static final int DEFAULT_COUNT = 10;
    /**
     * The pace the clock is shown against: two minutes a question, as the associate exams allow (SAA-C03: 65
     * questions in 130 minutes, AWS's exam guide). Only a yardstick: the set never ends by itself.
     */
    static final long PACE_NANOS_PER_QUESTION = 120_000_000_000L;

    private final List<Question> questions;
    private final int[] chosen;
    private final Scorecard scorecard = new Scorecard();
    private final long startNanos;
    private long endNanos = -1;
    private int index;

    TimedSet(List<Question> questions, long startNanos) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a timed set asks at least one question");
        }
        this.questions = List.copyOf(questions);
        this.chosen = new int[questions.size()];
        Arrays.fill(chosen, -1);
        this.startNanos = startNanos;
    }

    /**
     * The questions of a set of {@code count} from {@code pool}: the record's order picks them (due first, then new,
     * then the rest), so a set serves the spaced repetition too; they are then shuffled by {@code seed} so the set
     * does not read as the bank's chapters.
     */
    static List<Question> pick(StudyRecord record, List<Question> pool, int count, long seed) {
        List<Question> ordered = record.order(pool);
        List<Question> set = new ArrayList<>(ordered.subList(0, Math.min(Math.max(1, count), ordered.size())));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = set.size() - 1; i > 0; i--) {
            Collections.swap(set, i, random.nextInt(i + 1));
        }
        return List.copyOf(set);
    }

    Question current() {
        return finished() ? null : questions.get(index);
    }

    /** The current question's position, from 0. */
    int index() {
        return index;
    }

    int size() {
        return questions.size();
    }

    /** Chooses (or changes) the current question's answer; false when it has no such choice. */
    boolean choose(int choice) {
        Question q = current();
        if (q == null || choice < 0 || choice >= q.choices().size()) {
            return false;
        }
        chosen[index] = choice;
        return true;
    }

    /** The current question's choice, -1 while none. */
    int chosen() {
        return finished() ? -1 : chosen[index];
    }

    /**
     * Goes on: the current choice is final and scored. Returns that answer, or null when nothing is chosen yet (the
     * learner must choose first).
     */
    Scorecard.Answer moveOn(long nowNanos) {
        Question q = current();
        if (q == null || chosen[index] < 0) {
            return null;
        }
        scorecard.record(q, chosen[index]);
        index++;
        if (finished()) {
            endNanos = nowNanos;
        }
        return scorecard.answers().get(scorecard.answers().size() - 1);
    }

    boolean finished() {
        return index >= questions.size();
    }

    /** Time since the set began, up to its end once it is finished. */
    long elapsedNanos(long nowNanos) {
        return (endNanos >= 0 ? endNanos : nowNanos) - startNanos;
    }

    /** The time the exams' pace allows for this many questions. */
    long paceNanos() {
        return PACE_NANOS_PER_QUESTION * questions.size();
    }

    Scorecard scorecard() {
        return scorecard;
    }

    /** The answers given wrong, in the order asked. */
    List<Scorecard.Answer> missed() {
        return scorecard.answers().stream().filter(a -> !a.right()).toList();
    }

    /** "4:05", or "1:02:07" past an hour: minutes and seconds of wall time, as a clock on the wall reads. */
    static String clock(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
