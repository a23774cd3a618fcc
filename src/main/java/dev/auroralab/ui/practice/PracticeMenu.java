package dev.auroralab.ui.practice;

import dev.auroralab.scenario.QuestionBankReader;
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
 * column is open, its keys come before the window's ({@link PracticeModel#key}).
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
     */
    public static Menu build(PracticeModel practice, Window owner, Consumer<ScenarioError> problem) {
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
                practice.useBank(QuestionBankReader.read(f.toPath()));
                practice.openPractice();
            } catch (ScenarioError err) {
                problem.accept(err);
            }
        });
        MenuItem leave = new MenuItem("Leave practice");
        leave.setOnAction(e -> practice.close());
        leave.disableProperty().bind(practice.modeProperty().isEqualTo(PracticeModel.Mode.CLOSED));
        // where the record lives, said where a learner looks for it (it is read only when practice opens)
        MenuItem where = new MenuItem();
        where.setDisable(true);
        menu.setOnShowing(e -> where.setText("Your record: " + practice.records().file()));
        menu.getItems().addAll(questions, timed, new SeparatorMenuItem(), fromFile, leave, new SeparatorMenuItem(),
                where);
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
        return practice.key(e.getCode());
    }
}
