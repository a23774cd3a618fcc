package dev.auroralab.engine.snapshot;

/**
 * One term of a protection group's quorum set: {@code needed} of the copies named by {@code copies} (their letters,
 * e.g. "ABCDEF"). Normally a group has one term, 4 of ABCDEF for writes and 3 of ABCDEF for reads; while a copy is
 * being replaced there is a term for each choice of old or new copy, and writes need every term (AND) while reads need
 * any one (OR) (P18 §4, quorum sets during membership changes).
 */
public record QuorumTerm(int needed, String copies) {

    public QuorumTerm {
        if (needed < 1 || needed > copies.length()) {
            throw new IllegalArgumentException("a term needs 1 to " + copies.length() + " copies: " + needed);
        }
    }

    /** How many copies the term counts (6, or 4 in the degraded model that leaves an AZ out). */
    public int size() {
        return copies.length();
    }

    /** "4/6 of ABCDEF": the words the inspector, the report and the events use. */
    public String describe() {
        return needed + "/" + size() + " of " + copies;
    }

    /** The terms in words joined by {@code joiner}: "4/6 of ABCDEF AND 4/6 of ABCDEG". */
    public static String join(java.util.List<QuorumTerm> terms, String joiner) {
        StringBuilder b = new StringBuilder();
        for (QuorumTerm t : terms) {
            b.append(b.isEmpty() ? "" : joiner).append(t.describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
