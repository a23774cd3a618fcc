package dev.auroralab.ui.practice;

import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.exam.RecordSummary;
import dev.auroralab.scenario.ScenarioError;
import java.io.File;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Practice menu (a menu of its own rather than entries under Lessons: the lessons are a course read in order, and
 * practice is the learner's own record over sessions, with its own keys) and the practice keys. Ctrl+Shift+P opens
 * practice and Ctrl+Shift+T a timed set anywhere, presenter mode included (where the menu bar is hidden); while the
 * column is open, its keys come before the window's ({@link #columnKey}).
 */
public final class PracticeMenu {

    /** Practice questions: Ctrl+Shift+P (Ctrl+P alone is left for printing, should the app ever print). */
    public static final KeyCombination PRACTICE_KEY = new KeyCodeCombination(KeyCode.P,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** A timed set: Ctrl+Shift+T. */
    public static final KeyCombination TIMED_KEY = new KeyCodeCombination(KeyCode.T,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private PracticeMenu() {
    }

    /**
     * @param owner the window a file chooser belongs to
     * @param problem shown when a question bank file cannot be read (the reader's located message)
     * @param showRecord shows the learner's record (a title and a monospace table) in a dialog
     */
    public static Menu build(PracticeModel practice, Window owner, Consumer<ScenarioError> problem,
            java.util.function.BiConsumer<String, String> showRecord) {
        Menu menu = new Menu("_Practice");
        MenuItem questions = new MenuItem("Practice questions");
        questions.setAccelerator(PRACTICE_KEY);
        questions.setOnAction(e -> practice.openPractice());
        MenuItem timed = new MenuItem("Timed set…");
        timed.setAccelerator(TIMED_KEY);
        timed.setOnAction(e -> practice.openTimedSetup());
        MenuItem fromFile = new MenuItem("Practise from a question bank file…");
        fromFile.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Practise from a question bank");
            fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Question bank (YAML or JSON)",
                    "*.yaml", "*.yml", "*.json"));
            File f = fc.showOpenDialog(owner);
            if (f == null) {
                return;
            }
            try {
                practice.practiseFrom(f.toPath());
            } catch (ScenarioError err) {
                problem.accept(err);
            }
        });
        MenuItem record = new MenuItem("Your record…");
        record.setOnAction(e -> {
            QuestionBank bank = practice.bank();
            String table = bank == null ? practice.bankProblem()
                    : RecordSummary.text(practice.records().record(), bank);
            showRecord.accept("Your study record", table + "\n\nKept in " + practice.records().file());
        });
        MenuItem leave = new MenuItem("Leave practice");
        leave.setOnAction(e -> practice.close());
        leave.disableProperty().bind(practice.modeProperty().isEqualTo(PracticeModel.Mode.CLOSED));
        // where the record lives, said where a learner looks for it (it is read only when practice opens)
        MenuItem where = new MenuItem();
        where.setDisable(true);
        menu.setOnShowing(e -> where.setText("Your record: " + practice.records().file()));
        menu.getItems().addAll(questions, timed, record, new SeparatorMenuItem(), fromFile, leave,
                new SeparatorMenuItem(), where);
        return menu;
    }

    /**
     * A key for practice: Ctrl+Shift+P and Ctrl+Shift+T anywhere; the column's keys while it is open. True when it
     * was one of them (the window's filter then consumes it).
     */
    public static boolean key(PracticeModel practice, KeyEvent e) {
        if (e.isShortcutDown()) {
            if (PRACTICE_KEY.match(e)) {
                practice.openPractice();
                return true;
            }
            if (TIMED_KEY.match(e)) {
                practice.openTimedSetup();
                return true;
            }
            return false;
        }
        return columnKey(practice, e.getCode());
    }

    /**
     * A key pressed while the column is open (no Ctrl, no Alt): true when it was the column's. While a question is
     * shown, 1-5 and A-E are its choices and win over the window's single-letter keys (D, F, R...); Enter goes on;
     * W watches an answered demonstrated question (otherwise it stays the window's Why?); while watching, Page Up
     * and Backspace go back to the question and every other key is the window's (decision 0028).
     */
    static boolean columnKey(PracticeModel m, KeyCode code) {
        if (!m.isOpen()) {
            return false;
        }
        if (m.isWatching()) {
            switch (code) {
                case PAGE_UP, BACK_SPACE -> m.backToQuestion();
                case ENTER -> m.next();
                default -> {
                    return false;
                }
            }
            return true;
        }
        int c = choiceKey(code);
        Question q = m.question();
        if (c >= 0 && q != null) {
            if (!m.answer(c) && m.mode() == PracticeModel.Mode.PRACTICE && m.choice() < 0) {
                m.say("This question has choices A to " + Question.letter(q.choices().size() - 1));
            }
            return true;
        }
        if (code == KeyCode.ENTER) {
            m.next();
            return true;
        }
        return code == KeyCode.W && m.answerShown() && q.demonstrated() && m.watch();
    }

    /** The choice a key names: 1-5 (top row or keypad) and A-E, as 0-4; -1 for any other key. */
    static int choiceKey(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1, A -> 0;
            case DIGIT2, NUMPAD2, B -> 1;
            case DIGIT3, NUMPAD3, C -> 2;
            case DIGIT4, NUMPAD4, D -> 3;
            case DIGIT5, NUMPAD5, E -> 4;
            default -> -1;
        };
    }
}
