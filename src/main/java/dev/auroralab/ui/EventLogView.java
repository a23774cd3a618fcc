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
import javafx.scene.control.skin.VirtualFlow;
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
    private boolean bottomPending;
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
                scrollToNewest();
            }
        });
        // the scroll bar exists once the list has its skin: from then on, where the learner scrolls it says whether to
        // follow
        list.skinProperty().addListener((o, a, skin) -> findBar());
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            // upward: the learner leaves the bottom now, before any layout pass could follow the log back down
            if (e.getDeltaY() > 0 && !filtered.isEmpty()) {
                stopFollowing();
            }
            afterUserScroll();
        });
        // wrapped lines change height when the panel's width changes: a following log keeps its newest line in view
        list.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs && following && !bottomPending && !newestInView()) {
                scrollToNewest();
            }
        });
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> afterUserScroll());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, list);
    }

    private void findBar() {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.VERTICAL) {
                bar = sb;
                // only the learner's own scrolling decides: the list also moves the bar as lines are measured
                sb.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> stopFollowing());
                sb.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> afterUserScroll());
                sb.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> afterUserScroll());
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

    private void stopFollowing() {
        following = false;
        show(follow, true);
    }

    /** After the wheel, a drag of the bar or a key: the learner left the bottom (stop following) or came back. */
    private void afterUserScroll() {
        javafx.application.Platform.runLater(() -> {
            // a log that does not scroll is always at its newest line
            boolean atBottom = bar == null || !bar.isVisible() || bar.getValue() >= bar.getMax() - 1e-3;
            if (atBottom != following) {
                following = atBottom;
                show(follow, !atBottom);
            }
        });
    }

    /** Scrolls to the newest event and follows the log again (the "↓ newest" button). */
    public void follow() {
        following = true;
        show(follow, false);
        if (!filtered.isEmpty()) {
            scrollToNewest();
        }
    }

    /**
     * The newest line in full at the bottom: scrollTo puts it in view by the list's estimate of the lines' heights,
     * which wrapped lines upset, so the scroll bar is also taken to its end once the lines are measured.
     */
    private void scrollToNewest() {
        list.scrollTo(filtered.size() - 1);
        if (!bottomPending) {
            bottomPending = true;
            javafx.application.Platform.runLater(() -> {
                bottomPending = false;
                if (following && !filtered.isEmpty() && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    // near the end already: scroll on by measured pixels, which stops exactly at the last line
                    flow.scrollTo(filtered.size() - 1);
                    flow.scrollPixels(flow.getHeight() * 4);
                }
            });
        }
    }

    /** Whether the newest line is in view, whole (for tests). */
    boolean newestInView() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || filtered.isEmpty()) {
            return filtered.isEmpty();
        }
        var last = flow.getLastVisibleCell();
        return last != null && last.getIndex() == filtered.size() - 1
                && last.getBoundsInParent().getMaxY() <= flow.getHeight() + 0.5;
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
            String line = dev.auroralab.run.ClockText.of(e.atMicros()) + "  " + e.detail();
            setText(line);
            tip.setText(line + "\n(" + e.type() + "; click to select what it concerns)");
            setTooltip(tip);
        }
    }
}
