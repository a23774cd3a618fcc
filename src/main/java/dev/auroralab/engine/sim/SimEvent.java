package dev.auroralab.engine.sim;

/** Something the scheduler fires at a simulated instant. Internal to the engine; the public log is AuroraEvent. */
@FunctionalInterface
public interface SimEvent {
    void fire();
}
