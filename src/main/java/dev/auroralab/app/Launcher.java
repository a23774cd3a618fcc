package dev.auroralab.app;

import java.util.List;

/**
 * The entry point of the jar and of {@code ./mvnw javafx:run}.
 *
 * <p>A plain class, not a JavaFX {@code Application}: with JavaFX on the class path (java -jar,
 * jpackage) the main class must not extend Application. With no arguments it opens the window; with
 * arguments it runs a command. {@code run}, {@code validate} and {@code bench} never load JavaFX; the window path
 * ({@link WindowEntry}) and the picture commands reach it only through the classes the ArchitectureTest allows.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WindowEntry.open(args);
            return;
        }
        int exitCode = Commands.standard().dispatch(List.of(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
