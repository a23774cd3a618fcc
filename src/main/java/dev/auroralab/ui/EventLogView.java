package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.event.AuroraEvent;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The event log: every engine event, newest at the bottom, filtered by family, a click selecting what the event is
 * about. Long lines wrap to the panel's width, and a line's tooltip holds it whole.
 *
 * <p>It follows the newest event, as a terminal does, until the learner scrolls up to read; then it stays where they
 * are and a "↓ newest" button offers the way back. Scrolling back to the bottom follows again.
 */
public final class EventLogView extends VBox {

    public static final String LIST_ID = "eventLog";
    public static final String FOLLOW_ID = "eventLogFollow";

    private final ListView<AuroraEvent> list = new ListView<>();
    private final ComboBox<EventLinks.Family> filter = new ComboBox<>();
    private final FilteredList<AuroraEvent> filtered;
    private final Button follow = new Button("↓ newest");
    private boolean following = true;
    private ScrollBar bar;

    public EventLogView(SimulationViewModel vm) {
        super(6);
        Label title = new Label("Event log");
        title.getStyleClass().add(Styles.TITLE_4);
        // the title keeps its words; the filter beside it gives way when the panel is narrow
        title.setMinWidth(Control.USE_PREF_SIZE);
        filter.getItems().setAll(EventLinks.Family.values());
        filter.setValue(EventLinks.Family.ALL);
        filter.setTooltip(new Tooltip("Show one family of events"));
        filter.setMinWidth(80);
        filtered = new FilteredList<>(vm.events());
        filter.valueProperty().addListener((o, a, f) -> filtered.setPredicate(f == null ? null : f::contains));
        follow.setId(FOLLOW_ID);
        follow.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        follow.setTooltip(new Tooltip("Scroll to the newest event and follow the log again"));
        follow.setOnAction(e -> follow());
        follow.setMinWidth(Control.USE_PREF_SIZE);
        show(follow, false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, filter, grow, follow);
        head.setAlignment(Pos.CENTER_LEFT);

        list.setId(LIST_ID);
        list.setItems(filtered);
        list.setCellFactory(lv -> new EventCell());
        list.setPlaceholder(new Label("No events yet: break something"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                Selection s = EventLinks.subject(e);
                if (s != null) {
                    vm.select(s);
                }
            }
        });
        filtered.addListener((ListChangeListener<AuroraEvent>) c -> {
            if (filtered.isEmpty()) {
                following = true;
                show(follow, false);
            } else if (following) {
                list.scrollTo(filtered.size() - 1);
            }
        });
        // the scroll bar exists once the list has its skin: from then on, its position says whether to follow
        list.skinProperty().addListener((o, a, skin) -> findBar());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, list);
    }

    private void findBar() {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.VERTICAL) {
                bar = sb;
                sb.valueProperty().addListener((o, a, v) -> onScrolled());
                return;
            }
        }
        // not built yet: look again after the next layout pass
        list.needsLayoutProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                if (!b && bar == null) {
                    list.needsLayoutProperty().removeListener(this);
                    findBar();
                }
            }
        });
    }

    private void onScrolled() {
        if (bar == null || !bar.isVisible()) {
            return;
        }
        boolean atBottom = bar.getValue() >= bar.getMax() - 1e-3;
        if (atBottom != following) {
            following = atBottom;
            show(follow, !atBottom);
        }
    }

    /** Scrolls to the newest event and follows the log again (the "↓ newest" button). */
    public void follow() {
        following = true;
        show(follow, false);
        if (!filtered.isEmpty()) {
            list.scrollTo(filtered.size() - 1);
        }
    }

    /** Whether the log scrolls along with new events (it stops when the learner scrolls up). */
    public boolean isFollowing() {
        return following;
    }

    public ListView<AuroraEvent> list() {
        return list;
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** "0:12.000  pg-0 reaches 3 copies; writes need 4", wrapped; the tooltip holds the whole line and its type. */
    private static final class EventCell extends ListCell<AuroraEvent> {
        private final Tooltip tip = new Tooltip();

        EventCell() {
            setWrapText(true);
            setPrefWidth(0);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
        }

        @Override
        protected void updateItem(AuroraEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (e == null || empty) {
                setText(null);
                setTooltip(null);
                return;
            }
            String line = SimulationViewModel.clock(e.atMicros()) + "  " + e.detail();
            setText(line);
            tip.setText(line + "\n(" + e.type() + "; click to select what it concerns)");
            setTooltip(tip);
        }
    }
}
