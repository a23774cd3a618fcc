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
        Map<Domain, Tally> result = new EnumMap<>(Domain.class);
        for (Answer a : answers) {
            result.merge(a.question().domain(), Tally.NONE.plus(a.right()), Tally::plus);
        }
        return Collections.unmodifiableMap(result);
    }

    /** The questions answered wrong, in the order asked (each once). */
    public List<Question> missed() {
        return answers.stream().filter(a -> !a.right()).map(Answer::question).distinct().toList();
    }
}
