package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Exam;
import dev.auroralab.exam.Question;
import dev.auroralab.ui.practice.StudyRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRecordsTest {

    @TempDir
    Path dir;

    private static final Question Q = new Question("q", Domain.STORAGE, List.of(Exam.values()[0]), "Which?",
            List.of("one", "two"), 1, "Because.", List.of("P17 §2.1"), null, null, 0);

    @Test
    void aMissedQuestionIsDueWhenTheNextWindowStartsItsSession() {
        Path file = dir.resolve("study-record.json");
        List<String> notices = new ArrayList<>();
        StudyRecords first = new StudyRecords(file, notices::add);
        first.startSession();
        first.answered(Q, false);
        first.predicted(Domain.HIGH_AVAILABILITY, true);

        StudyRecords next = new StudyRecords(file, notices::add); // the window opened again
        assertThat(next.record().isDue("q")).as("not before its session starts").isFalse();
        next.startSession();
        assertThat(next.record().isDue("q")).isTrue();
        assertThat(next.record().predictions()).containsKey(Domain.HIGH_AVAILABILITY);
        assertThat(notices).isEmpty();
    }

    @Test
    void aCorruptFileIsOneNoticeAndAFreshRecordThatIsSavedAgain() throws Exception {
        Path file = dir.resolve("study-record.json");
        Files.writeString(file, "{oops");
        List<String> notices = new ArrayList<>();
        StudyRecords r = new StudyRecords(file, notices::add);
        r.answered(Q, true);

        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("could not be read").contains("starts fresh");
        assertThat(Files.readString(file)).contains("\"q\"");
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidOnceAndPracticeGoesOn() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the folder should be");
        List<String> notices = new ArrayList<>();
        StudyRecords r = new StudyRecords(blocker.resolve("study-record.json"), notices::add);
        r.answered(Q, true);
        r.answered(Q, false);

        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("could not be saved").contains("practice goes on");
        assertThat(r.record().card("q").box()).isEqualTo(1);
    }
}
