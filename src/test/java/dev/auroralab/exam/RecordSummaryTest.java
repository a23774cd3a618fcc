package dev.auroralab.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner's record as the window's Practice → Your record… shows it: questions and predictions side by side. */
class RecordSummaryTest {

    private static Question question(String id, Domain domain) {
        return ExamFixtures.question(id, domain);
    }

    private static final Question S1 = question("s1", Domain.STORAGE);
    private static final Question S2 = question("s2", Domain.STORAGE);
    private static final Question H1 = question("h1", Domain.HIGH_AVAILABILITY);
    private static final QuestionBank BANK = new QuestionBank("test.yaml", List.of(S1, S2, H1));

    private static String row(String text, String startsWith) {
        return text.lines().filter(l -> l.startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + startsWith + " in\n" + text));
    }

    @Test
    void eachDomainShowsItsQuestionsAndItsPredictionsAndWhereItsQuestionsStand() {
        StudyRecord r = new StudyRecord();
        r.startSession();
        r.answered(S1, true);
        r.answered(S2, false);
        r.predicted(Domain.STORAGE, true);
        r.predicted(Domain.HIGH_AVAILABILITY, false);
        r.predicted(Domain.HIGH_AVAILABILITY, true);

        String text = RecordSummary.text(r, BANK);

        assertThat(row(text, "Storage").replaceAll(" +", " "))
                .isEqualTo("Storage 1 of 2 (50%) 1 of 1 (100%) 0 1 1 0 0 0");
        assertThat(row(text, "High availability").replaceAll(" +", " "))
                .isEqualTo("High availability and failover - 1 of 2 (50%) 1 0 0 0 0 0");
        assertThat(row(text, "All").replaceAll(" +", " ").strip()).isEqualTo("All 1 of 2 (50%) 2 of 3 (67%)");
        assertThat(text).contains("Sessions so far: 1").doesNotContain("Nothing answered yet")
                .doesNotContain("Global Database");
        // the columns line up: every row's second column starts where the header's does
        int column = row(text, "Domain").indexOf("Questions");
        assertThat(row(text, "Storage").substring(column)).startsWith("1 of 2");
    }

    @Test
    void aRecordWithNothingAnsweredSaysWhereTheAnswersComeFrom() {
        String text = RecordSummary.text(new StudyRecord(), BANK);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Nothing answered yet").contains("Ctrl+Shift+P")
                .contains("(P)");
        assertThat(row(text, "Storage").replaceAll(" +", " ")).isEqualTo("Storage - - 2 0 0 0 0 0");
    }
}
