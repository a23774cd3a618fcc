package dev.auroralab.scenario;

import dev.auroralab.exam.QuestionBank;
import java.nio.file.Path;

/**
 * Reads question bank files (YAML or JSON, the scenario reader's checks: size, UTF-8, format by extension) into a
 * checked {@link QuestionBank}, or refuses them with one located {@link ScenarioError}. A bank is told from a
 * scenario or a lesson by its {@code questions:} key. The format is in docs/question-bank-format.md.
 */
public final class QuestionBankReader {

    /** The bank shipped with the app, on the class path. */
    public static final String BUILT_IN = "exam/questions.yaml";

    private static QuestionBank builtIn;

    private QuestionBankReader() {
    }

    /** Reads a bank from disk; errors name the file by its file name. */
    public static QuestionBank read(Path path) throws ScenarioError {
        return ScenarioReader.read(path, (source, root) -> new QuestionBankMapper(source).map(root));
    }

    /** Reads a bank from text, e.g. a test fixture; {@code sourceName}'s extension selects the format. */
    public static QuestionBank read(String sourceName, String text) throws ScenarioError {
        return ScenarioReader.read(sourceName, text, (source, root) -> new QuestionBankMapper(source).map(root));
    }

    /**
     * The built-in bank ({@link #BUILT_IN}), read once and then shared: it is immutable, and reading it loads the
     * built-in scenarios its demonstrations name.
     */
    public static synchronized QuestionBank builtIn() throws ScenarioError {
        if (builtIn == null) {
            builtIn = ScenarioReader.readResource(QuestionBankReader.class.getClassLoader(), BUILT_IN,
                    (source, root) -> new QuestionBankMapper(source).map(root));
        }
        return builtIn;
    }

    /**
     * Whether the file is a question bank (a top-level {@code questions:}). A file that cannot be read or parsed is
     * not (the scenario reader then says what is wrong with it).
     */
    public static boolean isQuestionBank(Path path) {
        try {
            return ScenarioReader.read(path, (source, root) -> QuestionBankMapper.isQuestionBank(root));
        } catch (ScenarioError e) {
            return false;
        }
    }
}
