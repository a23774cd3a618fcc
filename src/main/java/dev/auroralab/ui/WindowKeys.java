package dev.auroralab.ui;

import dev.auroralab.ui.lesson.LessonMenu;
import dev.auroralab.ui.lesson.LessonModel;
import dev.auroralab.ui.practice.PracticeMenu;
import dev.auroralab.ui.practice.PracticeModel;
import dev.auroralab.ui.topology.TopologyView;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys, in one scene-wide filter so they work wherever the focus is and in presenter mode, where the menu
 * bar (and its accelerators) is hidden: a text field keeps its typing and a focused slider its arrows, Home and End;
 * practice comes first (Ctrl+Shift+P and Ctrl+Shift+T anywhere; while its column is open, 1-5 and A-E answer the
 * question shown, Enter goes on, W watches and Page Up goes back, so a choice D never toggles the distance overlay);
 * then a lesson takes Space, Page Down and Page Up (a clicker's keys); then the transport, selection and view keys
 * (M opens the myth cards, which presenter mode's hidden Help menu would otherwise keep out of reach).
 */
final class WindowKeys {

    /**
     * What the keys do that belongs to the window rather than to the view model or the topology.
     *
     * @param escape Esc: leave presenter mode, else clear the selection
     * @param shortcut a Ctrl+ key: true when it was one of the window's
     */
    record Actions(Runnable fail, Runnable restore, Runnable togglePresenter, Runnable shortcuts, Runnable why,
            Runnable escape, Predicate<KeyCode> shortcut, TopologyView topology, Runnable myths) {
    }

    private WindowKeys() {
    }

    static void install(Scene scene, SimulationViewModel vm, LessonModel lessons, PracticeModel practice,
            Actions a) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isAltDown()) {
                return;
            }
            if (e.getTarget() instanceof Slider && (e.getCode().isArrowKey()
                    || e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END)) {
                // a focused slider (speed, workload) takes its own arrows, Home and End
                return;
            }
            if (PracticeMenu.key(practice, e)) {
                e.consume();
                return;
            }
            if (e.isShortcutDown()) {
                if (a.shortcut().test(e.getCode())) {
                    e.consume();
                }
                return;
            }
            if (LessonMenu.key(lessons, e.getCode()) || plainKey(e, vm, a)) {
                e.consume();
            }
        });
    }

    /** A key without Ctrl: true when it was one of the window's. */
    private static boolean plainKey(KeyEvent e, SimulationViewModel vm, Actions a) {
        TopologyView topology = a.topology();
        switch (e.getCode()) {
            case SPACE -> vm.togglePlaying();
            case RIGHT -> {
                if (e.isShiftDown()) {
                    vm.stepToNextNotableEvent();
                } else {
                    vm.stepOneEvent();
                }
            }
            case LEFT -> {
                if (e.isShiftDown()) {
                    vm.backToPreviousMark();
                } else {
                    vm.stepBack();
                }
            }
            case HOME -> vm.seek(0);
            case END -> vm.seek(vm.extentMicros());
            case PLUS, ADD, EQUALS -> vm.faster();
            case MINUS, SUBTRACT -> vm.slower();
            case F -> a.fail().run();
            case R -> a.restore().run();
            case F11 -> a.togglePresenter().run();
            case F1 -> a.shortcuts().run();
            case G -> vm.selectAdjacentRegion(e.isShiftDown() ? -1 : 1);
            case D -> topology.distance().toggle();
            case W -> a.why().run();
            case M -> a.myths().run();
            case CLOSE_BRACKET -> topology.selectAdjacent(1);
            case OPEN_BRACKET -> topology.selectAdjacent(-1);
            case ESCAPE -> a.escape().run();
            default -> {
                return false;
            }
        }
        return true;
    }
}
