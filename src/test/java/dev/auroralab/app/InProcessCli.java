package dev.auroralab.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.application.Platform;

/** The command line run in this JVM, keeping what it printed; one per test instance. */
final class InProcessCli {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Dispatches {@code args} as {@code java -jar aurora-lab.jar args…} would, and returns the exit code. */
    int run(String... args) {
        return Commands.standard().dispatch(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** As {@link #run}, with {@code stdin} as standard input (a quiz's answers, one a line). */
    int runWithInput(String stdin, String... args) {
        return Commands.standard(() -> new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .dispatch(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Everything printed on standard output so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed on standard error so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Starts the JavaFX toolkit unless TestFX or another test already has, and keeps it running, so a window command
     * joins it and leaves it up for the other UI tests in this JVM.
     */
    static void startFxToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // fine
        }
        Platform.setImplicitExit(false);
    }
}
