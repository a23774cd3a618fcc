package dev.auroralab.exam;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The topics the AWS exams ask about Aurora, in the order a learner meets them (issue 15). Each has the word a bank
 * file and the command line use ({@code quiz --domain storage}) and a title for people.
 */
public enum Domain {
    HIGH_AVAILABILITY("high-availability", "High availability and failover"),
    READ_SCALING("read-scaling", "Read scaling"),
    STORAGE("storage", "Storage"),
    GLOBAL_DATABASE("global-database", "Global Database"),
    DATA_PROTECTION("data-protection", "Backups and data protection"),
    SERVERLESS_V2("serverless-v2", "Serverless v2"),
    AURORA_VS_RDS_MULTI_AZ("aurora-vs-rds-multi-az", "Aurora vs RDS Multi-AZ"),
    SECURITY("security", "Security"),
    PERFORMANCE("performance", "Performance claims");

    private final String word;
    private final String title;

    Domain(String word, String title) {
        this.word = word;
        this.title = title;
    }

    /** How a file and the command line write it: lower-case words joined by hyphens. */
    public String word() {
        return word;
    }

    /** How a person reads it: "Backups and data protection". */
    public String title() {
        return title;
    }

    /** The domain a file or the command line names, or empty. */
    public static Optional<Domain> ofWord(String word) {
        return Arrays.stream(values()).filter(d -> d.word.equals(word)).findFirst();
    }

    /** Every domain's word, in order: what a message lists when a word is wrong. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Domain::word).toList();
    }
}
