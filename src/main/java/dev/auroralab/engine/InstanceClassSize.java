package dev.auroralab.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders instance classes by size for the failover tie-break "ties go to the largest instance" (UG
 * Concepts.AuroraHighAvailability): micro < small < medium < large < xlarge < 2xlarge < 4xlarge < ... The family
 * (r6g, r7i, ...) is ignored: Aurora compares size, and the model has no per-family capacity.
 */
public final class InstanceClassSize {

    private static final Pattern CLASS = Pattern.compile("db\\.[a-z0-9-]+\\.([a-z0-9]+)");
    private static final Pattern NX = Pattern.compile("([0-9]+)xlarge");

    private InstanceClassSize() {
    }

    /** A number that grows with size. Throws IllegalArgumentException for a name that is not db.FAMILY.SIZE. */
    public static int rank(String instanceClass) {
        if (instanceClass == null) {
            throw new IllegalArgumentException("instance class missing");
        }
        Matcher m = CLASS.matcher(instanceClass);
        if (!m.matches()) {
            throw new IllegalArgumentException("instance class '" + instanceClass
                    + "' is not of the form db.FAMILY.SIZE, e.g. db.r6g.large");
        }
        String size = m.group(1);
        switch (size) {
            case "micro":
                return 1;
            case "small":
                return 2;
            case "medium":
                return 3;
            case "large":
                return 4;
            case "xlarge":
                return 5;
            case "metal":
                return 1000;
            default:
                break;
        }
        Matcher n = NX.matcher(size);
        if (n.matches()) {
            int mult = Integer.parseInt(n.group(1));
            if (mult >= 2 && mult <= 512) {
                return 5 + mult;
            }
        }
        throw new IllegalArgumentException("instance size '" + size + "' in '" + instanceClass
                + "' is unknown: use micro, small, medium, large, xlarge, 2xlarge, 4xlarge, ...");
    }
}
