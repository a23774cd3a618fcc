package dev.auroralab.app;

import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Silences the warning JavaFX prints on every start from the class path, "Unsupported JavaFX configuration: classes
 * were loaded from 'unnamed module @…'". The jar runs JavaFX from the class path on purpose (see {@link Launcher}),
 * so the warning says nothing a user can act on. Only that message is filtered out of JavaFX's logger ("javafx",
 * through java.util.logging); every other JavaFX warning still shows.
 *
 * <p>The one piece every path that starts the toolkit calls before it does: the window ({@link WindowEntry}) and the
 * drawing commands ({@link FxStartup}). Free of JavaFX itself, so calling it loads no toolkit class.
 */
final class ClassPathWarning {

    /** The start of the message filtered out. */
    static final String MESSAGE = "Unsupported JavaFX configuration";

    /** Held here: java.util.logging keeps loggers weakly, and a collected logger would drop its filter. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private ClassPathWarning() {
    }

    /** Installs the filter on JavaFX's logger, once; call before the toolkit starts (its first message is this one). */
    static synchronized void silence() {
        if (JAVAFX_LOG.getFilter() == null) {
            JAVAFX_LOG.setFilter(ClassPathWarning::shown);
        }
    }

    /** Whether a record of JavaFX's logger is shown: every one except the class-path warning. */
    static boolean shown(LogRecord r) {
        return r.getMessage() == null || !r.getMessage().startsWith(MESSAGE);
    }
}
