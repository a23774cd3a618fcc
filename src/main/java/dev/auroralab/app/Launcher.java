package dev.auroralab.app;

import java.util.List;

/**
 * The entry point of the jar and of {@code ./mvnw javafx:run}.
 *
 * <p>A plain class, not a JavaFX {@code Application}: with JavaFX on the class path (java -jar,
 * jpackage) the main class must not extend Application. With no arguments, or with the window's options
 * ({@code --scenario FILE}, see {@link WindowArgs}), it opens the window; a bad option or file ends with exit code 2
 * before JavaFX starts. A first argument without a dash names a command. {@code run}, {@code validate} and
 * {@code bench} never load JavaFX; the window path ({@link WindowEntry}) and the picture commands reach it only
 * through the classes the ArchitectureTest allows.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (WindowArgs.forTheWindow(arguments)) {
            WindowArgs.Outcome window = WindowArgs.parse(arguments);
            if (!window.opensTheWindow()) {
                System.err.println(window.message());
                System.err.flush();
                System.exit(window.exitCode());
            }
            WindowEntry.open(window.windowArgs());
            return;
        }
        int exitCode = Commands.standard().dispatch(arguments, System.out, System.err);
        System.out.flush();
        System.err.flush();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
