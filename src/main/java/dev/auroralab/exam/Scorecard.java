package dev.auroralab.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of one quiz or timed set, kept per domain: the terminal quiz prints it at the end, and the window's
 * timed mode shows it with the missed questions to review. Not thread-safe; one per set.
 */
public final class Scorecard {

    /** Questions asked and answered right, of one domain (or overall). */
    public record Tally(int asked, int right) {

        public int wrong() {
            return asked - right;
        }
    }

    /** One answer: the question and the choice given (0-based). */
    public record Answer(Question question, int choice) {

        public boolean right() {
            return question.isRight(choice);
        }
    }

    private final List<Answer> answers = new ArrayList<>();

    /**
     * Records a learner's choice (0-based) and says whether it was right.
     *
     * @throws IllegalArgumentException when the question has no such choice
     */
    public boolean record(Question question, int choice) {
        if (choice < 0 || choice >= question.choices().size()) {
            throw new IllegalArgumentException(question.id() + " has no choice " + choice);
        }
        Answer a = new Answer(question, choice);
        answers.add(a);
        return a.right();
    }

    /** Every answer, in the order given. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    public Tally total() {
        return new Tally(answers.size(), (int) answers.stream().filter(Answer::right).count());
    }

    /** Per domain answered, in domain order. */
    public Map<Domain, Tally> byDomain() {
        Map<Domain, int[]> counts = new EnumMap<>(Domain.class);
        for (Answer a : answers) {
            int[] c = counts.computeIfAbsent(a.question().domain(), d -> new int[2]);
            c[0]++;
            c[1] += a.right() ? 1 : 0;
        }
        Map<Domain, Tally> result = new EnumMap<>(Domain.class);
        counts.forEach((d, c) -> result.put(d, new Tally(c[0], c[1])));
        return Collections.unmodifiableMap(result);
    }

    /** The questions answered wrong, in the order asked (each once). */
    public List<Question> missed() {
        return answers.stream().filter(a -> !a.right()).map(Answer::question).distinct().toList();
    }
}
