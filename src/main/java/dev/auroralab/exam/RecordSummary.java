package dev.auroralab.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learner's study record as a table a person reads: one row per exam domain with the bank's questions answered and
 * right, the predict-then-observe prompts answered and right, and how many of the domain's questions sit in each
 * Leitner box; then the totals and the sessions so far. What the window's Practice → Your record… shows, so the
 * predictions a learner made while watching scenarios are seen beside the questions (issue 15: "the score joins practice
 * mode's record").
 */
public final class RecordSummary {

    private RecordSummary() {
    }

    /**
     * The table, monospace-aligned, for {@code record} over {@code bank}'s questions.
     *
     * @return lines joined by '\n'; a record with nothing answered says so in its first line
     */
    public static String text(StudyRecord record, QuestionBank bank) {
        Map<Domain, Tally> practice = record.practice();
        Map<Domain, Tally> predictions = record.predictions();
        List<String> lines = new ArrayList<>();
        if (practice.isEmpty() && predictions.isEmpty()) {
            lines.add("Nothing answered yet: practise (Ctrl+Shift+P) or predict in a scenario (P), and it shows here.");
            lines.add("");
        }
        lines.add(String.format(Locale.ROOT, "%-31s %-15s %-15s %s", "Domain", "Questions", "Predictions",
                "new  b1  b2  b3  b4  b5"));
        Tally allPractice = Tally.NONE;
        Tally allPredictions = Tally.NONE;
        for (Domain d : Domain.values()) {
            List<Question> inDomain = bank.inDomain(d);
            Tally q = practice.getOrDefault(d, Tally.NONE);
            Tally p = predictions.getOrDefault(d, Tally.NONE);
            if (inDomain.isEmpty() && q.asked() == 0 && p.asked() == 0) {
                continue;
            }
            int[] boxes = record.boxCounts(inDomain);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < boxes.length; i++) {
                b.append(String.format(Locale.ROOT, i == 0 ? "%3d" : "%4d", boxes[i]));
            }
            lines.add(String.format(Locale.ROOT, "%-31s %-15s %-15s %s", d.title(), tally(q), tally(p), b));
            allPractice = allPractice.plus(q);
            allPredictions = allPredictions.plus(p);
        }
        lines.add(String.format(Locale.ROOT, "%-31s %-15s %-15s", "All", tally(allPractice), tally(allPredictions)));
        lines.add("");
        lines.add("Sessions so far: " + record.session() + ". A missed question comes back in the next session; one");
        lines.add("answered right climbs a box and comes back after 2, 4, 8, then 16 sessions.");
        return String.join("\n", lines);
    }

    /** "7 of 9 (78%)", or "-" when none was asked. */
    static String tally(Tally t) {
        if (t.asked() == 0) {
            return "-";
        }
        return t.right() + " of " + t.asked() + " (" + Math.round(100.0 * t.right() / t.asked()) + "%)";
    }
}
