package dev.auroralab.engine.check;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SafetyChecker} attached to one engine: it collects the events as the engine logs them (a listener) and
 * looks at a snapshot when asked, through the engine's public verbs only.
 */
public final class SafetyWatch {

    /** How often {@link #runTo} looks at the latest: 100 simulated ms. */
    public static final long DEFAULT_EVERY_MICROS = 100_000;

    private final AuroraEngine engine;
    private final SafetyChecker checker = new SafetyChecker();
    private final List<AuroraEvent> unseen = new ArrayList<>();

    /** Attaches to {@code engine}; attach before running it so that the checker sees the whole log. */
    public SafetyWatch(AuroraEngine engine) {
        this.engine = engine;
        engine.addListener(unseen::add);
    }

    /** Looks now: returns the violations new at this look (see {@link SafetyChecker#observe}). */
    public List<Violation> check() {
        List<AuroraEvent> events = List.copyOf(unseen);
        unseen.clear();
        return checker.observe(engine.snapshot(), events);
    }

    /**
     * Runs the engine to {@code timeMicros} (simulated), looking every {@code everyMicros} (more than 0) on the way and
     * at the end. Returns the violations new in that stretch.
     */
    public List<Violation> runTo(long timeMicros, long everyMicros) {
        if (everyMicros <= 0) {
            throw new IllegalArgumentException("everyMicros must be more than 0, got " + everyMicros);
        }
        List<Violation> out = new ArrayList<>();
        long t = engine.nowMicros();
        while (t < timeMicros) {
            t = Math.min(timeMicros, t + everyMicros);
            engine.advanceTo(t);
            out.addAll(check());
        }
        return out;
    }

    /** Every violation reported so far. */
    public List<Violation> violations() {
        return checker.violations();
    }

    public AuroraEngine engine() {
        return engine;
    }
}
