package dev.auroralab.app;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * Starts the JavaFX toolkit for the commands that draw the window without showing it to anyone ({@code screenshot},
 * {@code bench-render}), on a real display or on none.
 *
 * <p>One of the JavaFX doors of {@code app} (with {@link WindowEntry}, {@link ScreenshotWindow} and
 * {@link RenderBenchWindow}): it is loaded only when one of those commands runs, never by {@code run}, {@code validate}
 * or {@code bench}.
 *
 * <p>With no display (no {@code DISPLAY} on Linux and other X11 systems) or when asked, it selects Monocle's headless
 * platform before the toolkit starts, the same settings the headless UI tests use. System properties given on the
 * command line (-D…) win over these defaults. When the toolkit is already running in this JVM (a test that started
 * it), it is reused and left running afterwards.
 */
final class FxStartup {

    /** How long any step on the JavaFX thread may take before the command gives up. */
    static final long STEP_TIMEOUT_SECONDS = 120;

    private final boolean startedHere;
    private final boolean headless;
    private final String previousUserAgentStylesheet;

    private FxStartup(boolean startedHere, boolean headless, String previousUserAgentStylesheet) {
        this.startedHere = startedHere;
        this.headless = headless;
        this.previousUserAgentStylesheet = previousUserAgentStylesheet;
    }

    /** True when there is no display to open a window on, so the toolkit must run headless. */
    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return false;
        }
        String display = System.getenv("DISPLAY");
        return display == null || display.isBlank();
    }

    /**
     * Starts the toolkit, or joins it when it already runs.
     *
     * @param forceHeadless use Monocle's headless platform even when a display is there
     * @param screenWidth the headless screen's width (the window must fit on it)
     * @param screenHeight the headless screen's height
     * @param fullSpeed uncapped pulses ({@code javafx.animation.fullspeed}), only takes effect if the toolkit starts here
     */
    static FxStartup start(boolean forceHeadless, int screenWidth, int screenHeight, boolean fullSpeed) {
        boolean headless = forceHeadless || noDisplay();
        // the software pipeline everywhere: the same pixels with or without a display (and no warning under Xvfb)
        setDefault("prism.order", "sw");
        if (headless) {
            setDefault("glass.platform", "Monocle");
            setDefault("monocle.platform", "Headless");
            setDefault("java.awt.headless", "true");
            // Monocle's headless screen is 1280x800 unless told otherwise; a larger window would not fit
            setDefault("headless.geometry", Math.max(1280, screenWidth) + "x" + Math.max(800, screenHeight) + "-32");
        }
        if (fullSpeed) {
            setDefault("javafx.animation.fullspeed", "true");
        }
        // on a command line whose output is one line, JavaFX's class-path warning is noise
        ClassPathWarning.silence();
        boolean startedHere;
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            startedHere = true;
        } catch (IllegalStateException alreadyRunning) {
            // a test (TestFX) or an earlier command started it: queue on it instead
            Platform.runLater(started::countDown);
            startedHere = false;
        }
        await(started, "start");
        String ua = onFxThread(() -> {
            // closing our stage must not end the toolkit under us (nor under whoever started it: this stays off,
            // since turning it back on with no window open would end the toolkit at the next idle moment)
            Platform.setImplicitExit(false);
            return Application.getUserAgentStylesheet();
        });
        return new FxStartup(startedHere, headless, ua);
    }

    /**
     * Monocle's headless screen has a fixed size (1280x800 unless -Dheadless.geometry=WxH-32 says otherwise, which
     * is set when the toolkit starts here) and fails on every frame of a window that does not fit on it. Call on the
     * JavaFX thread; null when the window fits.
     */
    static String tooBigForScreen(int width, int height) {
        if (!"Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        Rectangle2D screen = Screen.getPrimary().getBounds();
        if (width <= screen.getWidth() && height <= screen.getHeight()) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%dx%d does not fit on the headless screen of this JVM (%.0fx%.0f):"
                + " ask for at most that, or start it with -Dheadless.geometry=%dx%d-32", width, height,
                screen.getWidth(), screen.getHeight(), width, height);
    }

    /** Whether the toolkit runs on Monocle's headless platform (as far as this JVM's settings say). */
    boolean headless() {
        return headless || "Monocle".equals(System.getProperty("glass.platform"));
    }

    /** Whether this command started the toolkit (so uncapped pulses, if asked for, are in effect). */
    boolean startedHere() {
        return startedHere;
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result; its exceptions are rethrown here. */
    static <T> T onFxThread(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        await(done, "work");
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }

    static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not " + what + " within "
                        + STEP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX toolkit", e);
        }
    }

    /**
     * Gives the toolkit back: exits it when this command started it (so the JVM can end), otherwise restores the
     * look it had (the theme is global) and leaves it running for whoever started it.
     */
    void finish() {
        if (startedHere) {
            Platform.exit();
            return;
        }
        try {
            onFxThread(() -> {
                Application.setUserAgentStylesheet(previousUserAgentStylesheet);
                return null;
            });
        } catch (IllegalStateException ignored) {
            // the toolkit went away meanwhile: nothing to restore
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
