package dev.auroralab.app;

import java.io.PrintStream;
import java.util.List;

/**
 * One command-line verb of Aurora Lab ({@code run}, {@code validate}, {@code bench}, …).
 *
 * <p>Most commands ({@code run}, {@code validate}, {@code bench}) run without a window and never touch JavaFX, so
 * they work on a machine with no display and start fast. {@code screenshot} and {@code bench-render} draw the real
 * window; they reach JavaFX only through the classes the ArchitectureTest names, headless (Monocle) when there is
 * no display.
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
