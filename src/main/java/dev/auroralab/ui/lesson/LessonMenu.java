package dev.auroralab.ui.lesson;

import dev.auroralab.run.LessonPlayer;
import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.scenario.LessonLink;
import dev.auroralab.scenario.ScenarioError;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The Lessons menu (the built-in course in order, Continue, Back, leave) and the lesson keys: Space continues a step
 * that waits (it plays and pauses otherwise), Page Down continues (or skips to the end of a running step), Page Up
 * goes back: what a presenter's clicker sends.
 */
public final class LessonMenu {

    private LessonMenu() {
    }

    /**
     * @param problem shown when a built-in lesson cannot be read (a packaging fault, never the learner's)
     */
    public static Menu build(LessonModel lessons, Consumer<ScenarioError> problem) {
        Menu menu = new Menu("_Lessons");
        for (String name : BuiltInLessons.NAMES) {
            String title = name;
            try {
                title = BuiltInLessons.load(name).title();
            } catch (ScenarioError e) {
                // listed by name; opening it shows the problem
            }
            MenuItem item = new MenuItem(title);
            item.setOnAction(e -> {
                try {
                    lessons.open(BuiltInLessons.load(name), 0);
                } catch (ScenarioError err) {
                    problem.accept(err);
                }
            });
            menu.getItems().add(item);
        }
        MenuItem next = new MenuItem("Continue");
        next.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN));
        next.setOnAction(e -> lessons.next());
        MenuItem back = new MenuItem("Back (rewinds to the previous step)");
        back.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP));
        back.setOnAction(e -> lessons.back());
        MenuItem leave = new MenuItem("Leave the lesson");
        leave.setOnAction(e -> lessons.close());
        for (MenuItem m : new MenuItem[] {next, back, leave}) {
            m.disableProperty().bind(lessons.playerProperty().isNull());
        }
        menu.getItems().addAll(new SeparatorMenuItem(), next, back, leave);
        return menu;
    }

    /** Handles a lesson key; false when there is no lesson or the key is not one of its keys. */
    public static boolean key(LessonModel lessons, KeyCode code) {
        LessonPlayer p = lessons.player();
        if (p == null) {
            return false;
        }
        switch (code) {
            case PAGE_DOWN -> lessons.next();
            case PAGE_UP -> lessons.back();
            case SPACE -> {
                if (p.status() != LessonPlayer.Status.WAITING) {
                    return false;
                }
                lessons.next();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The lesson a deep link names ({@code NAME}, {@code NAME#step}, or a file): opened at that step. */
    public static void openLink(LessonModel lessons, String link) throws ScenarioError {
        LessonLink.Opened opened = LessonLink.parse(link).open();
        lessons.open(opened.lesson(), opened.step());
    }
}
