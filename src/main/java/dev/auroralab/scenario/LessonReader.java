package dev.auroralab.scenario;

import java.nio.file.Path;

/**
 * Reads lesson files (YAML or JSON, the scenario reader's checks: size, UTF-8, format by extension) into a checked
 * {@link Lesson}, or refuses them with one located {@link ScenarioError}. A lesson is told from a scenario by its
 * {@code steps:} key.
 */
public final class LessonReader {

    private LessonReader() {
    }

    /** Reads a lesson from disk; a {@code scenario:} file name is read beside it. */
    public static Lesson read(Path path) throws ScenarioError {
        Path dir = path.toAbsolutePath().getParent();
        return ScenarioReader.read(path, (source, root) -> new LessonMapper(source, dir).map(root));
    }

    /** Reads a lesson from text; its scenario must be a built-in one or written inline. */
    public static Lesson read(String sourceName, String text) throws ScenarioError {
        return ScenarioReader.read(sourceName, text, (source, root) -> new LessonMapper(source, null).map(root));
    }

    /** Reads a lesson from the class path, e.g. {@code lessons/six-copies.yaml}. */
    public static Lesson readResource(String classpathPath) throws ScenarioError {
        return ScenarioReader.readResource(LessonReader.class.getClassLoader(), classpathPath,
                (source, root) -> new LessonMapper(source, null).map(root));
    }

    /**
     * Whether the file is a lesson rather than a scenario. A file that cannot be read or parsed is not (the scenario
     * reader then says what is wrong with it).
     */
    public static boolean isLesson(Path path) {
        try {
            return ScenarioReader.read(path, (source, root) -> LessonMapper.isLesson(root));
        } catch (ScenarioError e) {
            return false;
        }
    }
}
