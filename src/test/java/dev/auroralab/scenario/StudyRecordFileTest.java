package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.exam.Tally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRecordFileTest {

    @TempDir
    Path dir;

    private static StudyRecord sample() {
        return new StudyRecord(3, Map.of("no-replica-recreate", new StudyRecord.Card(1, 3),
                "six-copies", new StudyRecord.Card(4, 2)),
                Map.of(Domain.STORAGE, new Tally(4, 3)),
                Map.of(Domain.HIGH_AVAILABILITY, new Tally(2, 1)));
    }

    @Test
    void aSavedRecordReadsBackTheSameAndWritesTheSameBytes() throws Exception {
        Path file = dir.resolve("sub").resolve(StudyRecordFile.FILE_NAME);
        StudyRecordFile.save(file, sample());
        StudyRecordFile.Loaded back = StudyRecordFile.load(file);

        assertThat(back.notice()).isNull();
        assertThat(back.record().session()).isEqualTo(3);
        assertThat(back.record().cards()).isEqualTo(sample().cards());
        assertThat(back.record().practice()).isEqualTo(sample().practice());
        assertThat(back.record().predictions()).isEqualTo(sample().predictions());
        assertThat(StudyRecordFile.toJson(back.record())).isEqualTo(Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly(StudyRecordFile.FILE_NAME);
        }
    }

    @Test
    void aMissingFileIsAFirstRunWithNoNotice() {
        StudyRecordFile.Loaded l = StudyRecordFile.load(dir.resolve("none.json"));
        assertThat(l.notice()).isNull();
        assertThat(l.record().session()).isZero();
        assertThat(l.record().cards()).isEmpty();
    }

    @Test
    void aCorruptFileStartsFreshWithANoticeSayingWhereAndIsKeptAside() throws Exception {
        Path file = dir.resolve(StudyRecordFile.FILE_NAME);
        Files.writeString(file, "{\"schemaVersion\": 1,\n \"sessions\": 3,\n \"cards\": {\"a\": {\"box\": 2,, }}}");
        StudyRecordFile.Loaded l = StudyRecordFile.load(file);

        assertThat(l.record().session()).isZero();
        assertThat(l.notice()).contains(file.toString()).contains("line 3").contains("starts fresh")
                .contains(StudyRecordFile.FILE_NAME + ".bad").doesNotContain("Exception");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve(StudyRecordFile.FILE_NAME + ".bad")).exists();
    }

    @Test
    void valuesThatMakeNoSenseAreRefusedWithWhatIsWrong() {
        String[][] cases = {
            {"{\"schemaVersion\": 1, \"sessions\": 2, \"cards\": {\"a\": {\"box\": 9, \"lastSession\": 1}}}",
                "'box' is 9, outside 1 to 5"},
            {"{\"schemaVersion\": 1, \"sessions\": 2, \"cards\": {\"a\": {\"box\": 1, \"lastSession\": 4}}}",
                "'lastSession' is 4, outside 0 to 2"},
            {"{\"schemaVersion\": 1, \"sessions\": 1, \"practice\": {\"astrology\": {\"asked\": 1, \"right\": 1}}}",
                "'astrology' is no domain"},
            {"{\"schemaVersion\": 1, \"sessions\": 1, \"practice\": {\"storage\": {\"asked\": 1, \"right\": 2}}}",
                "'right' is 2, outside 0 to 1"},
            {"{\"schemaVersion\": 2, \"sessions\": 1}", "schemaVersion 2 is not one this version reads"},
            {"[1, 2]", "no JSON object"},
            {"{\"schemaVersion\": 1, \"sessions\": \"three\"}", "'sessions' is missing or not a whole number"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("r.json");
            try {
                Files.writeString(file, c[0]);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            StudyRecordFile.Loaded l = StudyRecordFile.load(file);
            assertThat(l.notice()).as(c[0]).contains(c[1]);
            assertThat(l.record().session()).isZero();
        }
    }
}
