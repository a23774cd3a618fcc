package dev.auroralab.scenario;

/**
 * Why a scenario file was refused: where (file, line, column), what is wrong, and how to fix it. Rendered as
 * {@code lose-az.yaml:12:7: unknown action 'fail-zone'. Use one of: ... (did you mean 'fail-az'?)}.
 *
 * <p>Line and column are 1-based. Errors about the file as a whole (missing, too large, wrong extension) have no
 * position: line and column are 0 and the rendering leaves them out.
 */
public final class ScenarioError extends Exception {

    private final String sourceName;
    private final int line;
    private final int column;
    private final String problem;
    private final String fix;

    public ScenarioError(String sourceName, int line, int column, String problem, String fix) {
        super(render(sourceName, line, column, problem, fix), null, false, false);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.fix = fix;
    }

    /** An error about the whole file, with no position in it. */
    static ScenarioError ofFile(String sourceName, String problem, String fix) {
        return new ScenarioError(sourceName, 0, 0, problem, fix);
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** How to fix it (may be empty). */
    public String fix() {
        return fix;
    }

    /** The one-line message shown to the user. */
    public String message() {
        return getMessage();
    }

    @Override
    public String toString() {
        return getMessage();
    }

    private static String render(String sourceName, int line, int column, String problem, String fix) {
        String where = line > 0 ? sourceName + ":" + line + ":" + column : sourceName;
        String separator = problem.endsWith(".") ? " " : ". ";
        return where + ": " + problem + (fix == null || fix.isEmpty() ? "" : separator + fix);
    }
}
