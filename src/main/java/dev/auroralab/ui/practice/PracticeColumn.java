package dev.auroralab.ui.practice;

import dev.auroralab.ui.MainView;
import dev.auroralab.ui.PanelLayout;
import dev.auroralab.ui.SimulationViewModel;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/**
 * Where the practice column goes in the window: right of the picture, in the lesson column's place (the two never
 * show together: opening one closes the other) and, like it, in the side panel's. While practice is open the side
 * panel and the scenario's notes are hidden, as under a lesson (the column says what to watch); closing it gives
 * them back. The demonstration's spotlight goes to the topology.
 */
public final class PracticeColumn {

    private PracticeColumn() {
    }

    /**
     * Wires the column into the view. Call after the view's own listeners (its scenario-opened one shows the notes,
     * which this one then hides again while practice is open).
     *
     * @param lessonColumn the node the practice column takes the place of while it is open
     */
    public static void attach(MainView view, SimulationViewModel vm, PracticeModel practice, PracticePanel column,
            Node lessonColumn) {
        PanelLayout panels = view.panels();
        BorderPane.setMargin(column, new Insets(4, 6, 4, 2));
        column.fitToWindow(view.getWidth());
        view.widthProperty().addListener((o, a, b) -> column.fitToWindow(b.doubleValue()));
        boolean[] sideBefore = {true};
        practice.modeProperty().addListener((o, a, b) -> {
            boolean was = a != PracticeModel.Mode.CLOSED;
            boolean is = b != PracticeModel.Mode.CLOSED;
            if (was == is) {
                return;
            }
            if (is) {
                view.lessons().close();
                sideBefore[0] = panels.isSideShown();
                panels.setSideShown(false);
                panels.setNotesShown(false);
                view.setRight(column);
            } else {
                view.setRight(lessonColumn);
                panels.setNotesShown(true);
                if (!view.isPresenter()) {
                    panels.setSideShown(sideBefore[0]);
                }
            }
        });
        // a scenario opened under the column (Watch it, the menu): its notes stay hidden while practice is open
        vm.loadsProperty().addListener((o, a, b) -> {
            if (practice.isOpen()) {
                panels.setNotesShown(false);
            }
        });
        // leaving presenter mode puts the panels back as they were; the column still stands for the side panel
        view.onPresenterChange(on -> {
            if (!on && practice.isOpen()) {
                panels.setSideShown(false);
            }
        });
        practice.spotlightProperty().addListener((o, a, b) -> view.topology().setSpotlight(b));
    }
}
