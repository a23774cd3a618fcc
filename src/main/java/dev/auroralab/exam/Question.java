package dev.auroralab.exam;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One exam-style question about Aurora with one right answer.
 *
 * @param id stable kebab-case name ({@code az-plus-one-writes-stop}): the command line and a learner's record name it
 * @param domain the topic it exercises
 * @param exams the exams it serves, at least one, in the bank's order
 * @param ask the question, one paragraph
 * @param choices two to five (normally four), in the order shown; a learner answers 1-5 or A-E
 * @param answer the index of the right choice (0-based; the file counts from 1)
 * @param explanation why the answer is right (and the distractors wrong); its numbers are the reference's or say
 *     "model value"
 * @param sources where the explanation's facts come from, as aurora-reference.md tags them ({@link Sources})
 * @param changed for a fact on which exam banks and today's documents disagree (5 vs 10 secondary regions, 64 vs 128
 *     vs 256 TiB, failover under 120 s vs under 60 s): what changed and when; null when nothing did
 * @param demonstration where the engine shows the answer; null for a question it cannot show ("stated")
 * @param line where the question starts in its file (0 when built in code)
 */
public record Question(String id, Domain domain, List<Exam> exams, String ask, List<String> choices, int answer,
        String explanation, List<String> sources, String changed, Demonstration demonstration, int line) {

    /** A question has at least this many choices. */
    public static final int MIN_CHOICES = 2;
    /** And at most this many: A to E. */
    public static final int MAX_CHOICES = 5;

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Question {
        if (id == null || !KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("a question's id is kebab-case: " + id);
        }
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(explanation, "explanation");
        exams = List.copyOf(exams);
        choices = List.copyOf(choices);
        sources = List.copyOf(sources);
        if (exams.isEmpty() || exams.stream().distinct().count() != exams.size()) {
            throw new IllegalArgumentException(id + ": one or more exams, each once: " + exams);
        }
        if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            throw new IllegalArgumentException(id + ": " + MIN_CHOICES + " to " + MAX_CHOICES + " choices");
        }
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException(id + ": the answer is one of the choices: " + answer);
        }
        if (explanation.isBlank() || sources.isEmpty()) {
            throw new IllegalArgumentException(id + ": an explanation and its sources");
        }
        if (changed != null && changed.isBlank()) {
            changed = null;
        }
        if (demonstration != null) {
            for (int i : demonstration.distractors().keySet()) {
                if (i == answer || i < 0 || i >= choices.size()) {
                    throw new IllegalArgumentException(id + ": a refuted choice is a wrong one: " + i);
                }
            }
        }
    }

    /** Whether the engine shows the answer (a demonstration), rather than the bank only stating it. */
    public boolean demonstrated() {
        return demonstration != null;
    }

    public Optional<Demonstration> shownBy() {
        return Optional.ofNullable(demonstration);
    }

    /** What changed about this fact, and when, if anything did. */
    public Optional<String> whatChanged() {
        return Optional.ofNullable(changed);
    }

    public boolean isRight(int choice) {
        return choice == answer;
    }

    /** The right choice's text. */
    public String answerText() {
        return choices.get(answer);
    }

    /** The letter a choice is shown with: A for 0. */
    public static char letter(int index) {
        return (char) ('A' + index);
    }

    /**
     * The choice a learner typed, as an index: "2" or "b" (either case, spaces around ignored) for 1; -1 when the text
     * names none of this question's choices.
     */
    public int choiceTyped(String typed) {
        if (typed == null) {
            return -1;
        }
        String t = typed.strip().toUpperCase(Locale.ROOT);
        if (t.length() != 1) {
            return -1;
        }
        char c = t.charAt(0);
        int index = c >= '1' && c <= '9' ? c - '1' : c >= 'A' && c <= 'Z' ? c - 'A' : -1;
        return index < choices.size() ? index : -1;
    }
}
