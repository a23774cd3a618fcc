package dev.auroralab.scenario;

import java.util.List;

/** The course shipped in src/main/resources/lessons/, in the order a newcomer takes it. */
public final class BuiltInLessons {

    public static final List<String> NAMES = List.of("six-copies-two-quorums", "the-write-path", "losing-an-az",
            "surviving-az-plus-one", "repair-and-membership-change", "read-replicas", "failover-by-tier",
            "no-replica", "global-database", "write-forwarding", "managed-rpo");

    private BuiltInLessons() {
    }

    public static Lesson load(String name) throws ScenarioError {
        return LessonReader.readResource("lessons/" + name + ".yaml");
    }

    /**
     * A lesson file, or the name of a built-in one when no such file exists; either may end in {@code #step}, which
     * is not part of the name (see {@link #stepOf}).
     */
    public static Lesson fileOrBuiltIn(String arg) throws ScenarioError {
        String ref = arg.contains("#") ? arg.substring(0, arg.indexOf('#')) : arg;
        return BuiltInScenarios.fileOrBuiltIn(ref, NAMES, "lesson", BuiltInLessons::load, LessonReader::read);
    }

    /**
     * The step a deep link names, by its id ({@code six-copies-two-quorums#lose-one-copy}) or by its number as the
     * lesson panel shows it, from 1 ({@code six-copies-two-quorums#3}, "open the class at step 3"): its index, 0 when
     * the link names no step. A step whose id is a number is found by its id first.
     *
     * @throws ScenarioError when the lesson has no such step (the message lists its steps and their numbers)
     */
    public static int stepOf(String arg, Lesson lesson) throws ScenarioError {
        int hash = arg.indexOf('#');
        if (hash < 0 || hash == arg.length() - 1) {
            return 0;
        }
        String stepId = arg.substring(hash + 1);
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
}
