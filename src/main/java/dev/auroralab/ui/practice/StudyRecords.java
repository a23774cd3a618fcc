package dev.auroralab.ui.practice;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.scenario.StudyRecordFile;
import dev.auroralab.ui.WindowPrefs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The window's one study record: loaded once from the user's configuration folder (beside the window layout,
 * {@link WindowPrefs#configDir()}: {@code ~/.config/aurora-lab/study-record.json} on Linux, {@code ~/Library/
 * Application Support/Aurora Lab} on macOS, {@code %APPDATA%\Aurora Lab} on Windows), and saved after every answer,
 * so a learner who closes the window mid-set loses nothing. Practice mode, timed sets and predict-then-observe all
 * record here, so their scores make one record.
 *
 * <p>Never a crash: a file that cannot be read starts a fresh record and the notice goes to {@code notices} once
 * (the bad file is kept aside by {@link StudyRecordFile}); a file that cannot be written is said there too, and
 * practice goes on in memory.
 */
public final class StudyRecords {

    private final Path file;
    private final Consumer<String> notices;
    private StudyRecord record;
    private boolean loaded;
    private boolean toldWriteFailure;

    /** Over the file in the user's configuration folder. */
    public StudyRecords(Consumer<String> notices) {
        this(WindowPrefs.configDir().resolve(StudyRecordFile.FILE_NAME), notices);
    }

    /** Over {@code file} (tests, a portable install). */
    public StudyRecords(Path file, Consumer<String> notices) {
        this.file = file;
        this.notices = notices;
    }

    public Path file() {
        return file;
    }

    /** The record, read from the file the first time it is asked for. */
    public StudyRecord record() {
        if (!loaded) {
            loaded = true;
            StudyRecordFile.Loaded l = StudyRecordFile.load(file);
            record = l.record();
            if (l.notice() != null) {
                notices.accept(l.notice());
            }
        }
        return record;
    }

    /** Starts a practice session or a timed set (missed questions of the last one are now due) and saves. */
    public int startSession() {
        int s = record().startSession();
        save();
        return s;
    }

    /** Records an answer to a bank question and saves. */
    public void answered(Question q, boolean right) {
        record().answered(q, right);
        save();
    }

    /** Records a predict-then-observe answer and saves. */
    public void predicted(Domain domain, boolean right) {
        record().predicted(domain, right);
        save();
    }

    private void save() {
        try {
            StudyRecordFile.save(file, record);
        } catch (IOException | RuntimeException e) {
            if (!toldWriteFailure) {
                toldWriteFailure = true;
                notices.accept("Your practice record could not be saved to " + file + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "): practice goes on, but this session's answers will not be kept.");
            }
        }
    }
}
