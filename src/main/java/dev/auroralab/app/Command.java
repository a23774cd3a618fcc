package dev.auroralab.app;

import java.io.PrintStream;
import java.util.List;

/**
 * One command-line verb of Aurora Lab ({@code run}, {@code validate}, {@code bench}, …).
 *
 * <p>Commands run without a window: they must never touch JavaFX, so that they work on a machine
 * with no display and start fast.
 */
@FunctionalInterface
public interface Command {

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param out where results go
     * @param err where diagnostics go
     * @return the process exit code: 0 on success, 1 on failure, 2 on bad usage
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
