package dev.auroralab.scenario;

/**
 * What must hold at a time of the run. Each null field is "not checked". {@code writer} is checked when
 * {@code writerSpecified}: an instance id, or null for "no writer". {@code pg} names the protection group that
 * {@code writeQuorum}, {@code readQuorum} and {@code segmentsUp} refer to.
 *
 * @param atMicros the time, or null for the end of the run
 * @param atText the time as written in the file ("11s", "end")
 * @param line where the expectation starts in the file
 */
public record Expectation(Long atMicros, String atText, Boolean writable, Boolean readable,
        boolean writerSpecified, String writer, String pg, Boolean writeQuorum, Boolean readQuorum,
        Integer segmentsUp, Long acknowledgedWritesLost, int line) {

    public boolean atEnd() {
        return atMicros == null;
    }
}
