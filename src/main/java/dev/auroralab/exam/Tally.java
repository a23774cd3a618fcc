package dev.auroralab.exam;

/**
 * Questions (or predictions) asked, and right of them: of one domain, one set, or overall. The study record keeps one
 * per domain; a scorecard works them out from its answers.
 */
public record Tally(int asked, int right) {

    public static final Tally NONE = new Tally(0, 0);

    public Tally {
        if (asked < 0 || right < 0 || right > asked) {
            throw new IllegalArgumentException("right <= asked, both 0 or more: " + right + "/" + asked);
        }
    }

    public int wrong() {
        return asked - right;
    }

    /** This tally with one more answer. */
    public Tally plus(boolean wasRight) {
        return new Tally(asked + 1, right + (wasRight ? 1 : 0));
    }

    /** Both tallies together. */
    public Tally plus(Tally other) {
        return new Tally(asked + other.asked, right + other.right);
    }
}
