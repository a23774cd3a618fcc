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
     * A lesson file, or the name of a built-in one when no such file exists. A link with {@code #step} is read by
     * {@link LessonLink}.
     */
    public static Lesson fileOrBuiltIn(String ref) throws ScenarioError {
        return BuiltInScenarios.fileOrBuiltIn(ref, NAMES, "lesson", BuiltInLessons::load, LessonReader::read);
    }
}
