package dev.auroralab.ui;

/**
 * Something that must see the run at given moments while the window plays it (a lesson's step end): the view model
 * stops the run at each {@link #nextStopMicros()} within a frame, and pauses when {@link #stopHere()} says so. This
 * keeps a lesson's moments the same whatever the frame rate.
 */
public interface Pacer {

    /** The next moment the run must stand at, or {@link Long#MAX_VALUE}. */
    long nextStopMicros();

    /** Called at that moment: true to pause the run there. */
    boolean stopHere();
}
