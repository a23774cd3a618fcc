package dev.auroralab.exam;

import java.util.List;

/** Questions for the record's tests: only their id and domain matter there. */
final class ExamFixtures {

    private ExamFixtures() {
    }

    /** A four-choice question in {@code domain}, answered by choice 1 (B). */
    static Question question(String id, Domain domain) {
        return new Question(id, domain, List.of(Exam.values()[0]), "Which?", List.of("one", "two", "three", "four"),
                1, "Because.", List.of("P17 §2.1"), null, null, 0);
    }
}
