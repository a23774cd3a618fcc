package dev.auroralab.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A lesson as a command line or a deep link names it: {@code NAME}, {@code NAME#step}, {@code FILE} or
 * {@code FILE#step}. The one place that reads the {@code #step}: {@code run}, {@code validate}, {@code screenshot}
 * and the window's {@code --lesson} all go through here, so they take and refuse the same links.
 *
 * @param ref the lesson: a file, or a built-in lesson's name (with or without .yaml)
 * @param stepId the step after {@code #}, or null when the link names none (a trailing {@code #} names none)
 */
public record LessonLink(String ref, String stepId) {

    /**
     * Splits {@code arg} at its last {@code #} (step ids never hold one). A file whose own name holds {@code #} is
     * that file, with no step.
     */
    public static LessonLink parse(String arg) {
        int hash = arg.lastIndexOf('#');
        if (hash < 0 || exists(arg)) {
            return new LessonLink(arg, null);
        }
        String step = arg.substring(hash + 1);
        return new LessonLink(arg.substring(0, hash), step.isEmpty() ? null : step);
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Whether the link names a lesson (a file with {@code steps:}, or a built-in lesson's name) rather than a
     * scenario; a file that cannot be read is not (the scenario reader then says what is wrong with it).
     */
    public boolean namesLesson() {
        if (exists(ref)) {
            return LessonReader.isLesson(Path.of(ref));
        }
        return BuiltInLessons.NAMES.contains(ref.endsWith(".yaml") ? ref.substring(0, ref.length() - 5) : ref);
    }

    /** A lesson read, and the index of the step the link names (0 when it names none). */
    public record Opened(Lesson lesson, int step) {
    }

    /**
     * Reads the lesson and finds the step.
     *
     * @throws ScenarioError when the lesson cannot be read, or has no such step (the message lists its steps)
     */
    public Opened open() throws ScenarioError {
        Lesson lesson = BuiltInLessons.fileOrBuiltIn(ref);
        return new Opened(lesson, stepIn(lesson));
    }

    /**
     * The index of the named step in {@code lesson}, 0 when the link names none. A step is named by its id
     * ({@code six-copies-two-quorums#lose-one-copy}) or by its number as the lesson panel shows it, from 1
     * ({@code six-copies-two-quorums#3}: "open the class at step 3"); a step whose id is a number is found by its id
     * first.
     */
    public int stepIn(Lesson lesson) throws ScenarioError {
        if (stepId == null) {
            return 0;
        }
        int i = lesson.indexOf(stepId);
        if (i >= 0) {
            return i;
        }
        int count = lesson.steps().size();
        if (stepId.matches("[0-9]{1,4}")) {
            int number = Integer.parseInt(stepId);
            if (number >= 1 && number <= count) {
                return number - 1;
            }
        }
        throw new ScenarioError(lesson.sourceName(), 0, 0, "lesson '" + lesson.id() + "' has no step '" + stepId
                + "'", "Use a step number from 1 to " + count + " or one of: " + String.join(", ",
                        lesson.steps().stream().map(Lesson.Step::id).toList()));
    }

    /** The link as written: {@code six-copies-two-quorums#write-quorum}. */
    @Override
    public String toString() {
        return stepId == null ? ref : ref + "#" + stepId;
    }
}
