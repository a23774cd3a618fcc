package dev.auroralab.exam;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The AWS certification exams whose guides include Aurora, by the names and codes AWS used as of 2026 (aurora-reference
 * does not list them; AWS's certification pages do). The SysOps Administrator – Associate exam (SOA-C02) became the
 * CloudOps Engineer – Associate (SOA-C03) in 2025. A bank file writes the code in lower case ({@code saa-c03}).
 */
public enum Exam {
    SAA_C03("saa-c03", "SAA-C03", "AWS Certified Solutions Architect – Associate"),
    SAP_C02("sap-c02", "SAP-C02", "AWS Certified Solutions Architect – Professional"),
    SOA_C03("soa-c03", "SOA-C03",
            "AWS Certified CloudOps Engineer – Associate (formerly SysOps Administrator – Associate, SOA-C02)"),
    DVA_C02("dva-c02", "DVA-C02", "AWS Certified Developer – Associate");

    private final String word;
    private final String code;
    private final String title;

    Exam(String word, String code, String title) {
        this.word = word;
        this.code = code;
        this.title = title;
    }

    /** How a bank file writes it: {@code saa-c03}. */
    public String word() {
        return word;
    }

    /** The exam code as AWS prints it: {@code SAA-C03}. */
    public String code() {
        return code;
    }

    /** The certification's name. */
    public String title() {
        return title;
    }

    /** The exam a file names (its word, or its code in any case), or empty. */
    public static Optional<Exam> ofWord(String word) {
        return Arrays.stream(values()).filter(e -> e.word.equalsIgnoreCase(word)).findFirst();
    }

    /** Every exam's word, in order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Exam::word).toList();
    }
}
