package dev.auroralab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The inspector: every engine field of the selection, one name and value per row, with headings between the parts.
 *
 * <p>A grid of labels rather than a {@code TableView}: the table re-laid out all its wrapped cells whenever one value
 * changed, several milliseconds once a second while playing, which alone set the window's p99 frame time
 * (bench-render, issue 3). Here a changed value re-sets one label's text. Values and headings wrap instead of ending in
 * "…", so a long quorum set or "Instance reader-12" is read whole. Right-click copies the fields as text, for a bug
 * report or lesson notes.
 */
public final class InspectorPane extends ScrollPane {

    /** On a value that is a link ({@link #setLink}). */
    public static final String LINK_STYLE = "inspector-link";

    private final GridPane grid = new GridPane();
    private final Label placeholder = new Label("Click anything in the topology");
    private final List<Label> values = new ArrayList<>();
    private List<InspectorModel.Field> shown = List.of();
    /** What a click on a field's value does, by the field's name (the "Why?" of the failover, of the lost writes). */
    private final java.util.Map<String, Link> links = new java.util.HashMap<>();

    /** A value that is a link: its tooltip and what a click does, given the label clicked. */
    private record Link(String tip, java.util.function.Consumer<javafx.scene.Node> action) {
    }

    public InspectorPane() {
        getStyleClass().add("inspector");
        grid.getStyleClass().add("inspector-grid");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(90);
        names.setPrefWidth(135);
        ColumnConstraints vals = new ColumnConstraints();
        vals.setHgrow(Priority.ALWAYS);
        vals.setMinWidth(80);
        grid.getColumnConstraints().setAll(names, vals);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(6, 8, 8, 8));
        placeholder.getStyleClass().add("inspector-name");
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        // a fixed share of the side panel: a long selection (a group with its seven copies) scrolls rather than
        // pushing the event log off the screen
        setPrefViewportHeight(300);
        setMinViewportHeight(100);
        MenuItem copy = new MenuItem("Copy all fields");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(asText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        setContextMenu(new ContextMenu(copy));
        show(List.of());
    }

    /**
     * Makes the value of every field named {@code field} a link: underlined, a hand cursor, {@code tip} on hover, and
     * a click gives {@code action} the label clicked (to anchor a pop-over on).
     */
    public void setLink(String field, String tip, java.util.function.Consumer<javafx.scene.Node> action) {
        links.put(field, new Link(tip, action));
        rebuild(shown);
    }

    /** Shows these fields: in place when only values changed, rebuilt when the rows differ. */
    public void show(List<InspectorModel.Field> fresh) {
        if (sameRows(fresh)) {
            for (int i = 0; i < fresh.size(); i++) {
                Label v = values.get(i);
                if (v != null) {
                    // Label ignores an equal text, so unchanged rows cost nothing
                    v.setText(fresh.get(i).value());
                }
            }
        } else {
            rebuild(fresh);
        }
        shown = List.copyOf(fresh);
    }

    /** The fields as "name: value" lines, headings on their own line. */
    public String asText() {
        StringBuilder out = new StringBuilder();
        for (InspectorModel.Field f : shown) {
            out.append(f.heading() ? f.name() : f.name() + ": " + f.value()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The fields now shown, for tests. */
    public List<InspectorModel.Field> fields() {
        return shown;
    }

    private boolean sameRows(List<InspectorModel.Field> fresh) {
        if (fresh.size() != shown.size() || fresh.isEmpty()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            InspectorModel.Field a = fresh.get(i);
            InspectorModel.Field b = shown.get(i);
            if (!a.name().equals(b.name()) || a.heading() != b.heading()) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(List<InspectorModel.Field> fresh) {
        grid.getChildren().clear();
        values.clear();
        if (fresh.isEmpty()) {
            grid.add(placeholder, 0, 0, 2, 1);
            return;
        }
        for (int row = 0; row < fresh.size(); row++) {
            InspectorModel.Field f = fresh.get(row);
            if (f.heading()) {
                Label h = wrapping(f.name(), "inspector-heading");
                if (row > 0) {
                    GridPane.setMargin(h, new Insets(6, 0, 0, 0));
                }
                grid.add(h, 0, row, 2, 1);
                values.add(null);
            } else {
                Label n = wrapping(f.name(), "inspector-name");
                Label v = wrapping(f.value(), "inspector-value");
                GridPane.setValignment(n, VPos.TOP);
                Link link = links.get(f.name());
                if (link != null) {
                    v.getStyleClass().add(LINK_STYLE);
                    v.setCursor(javafx.scene.Cursor.HAND);
                    v.setTooltip(new javafx.scene.control.Tooltip(link.tip()));
                    v.setOnMouseClicked(e -> {
                        if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                            link.action().accept(v);
                        }
                    });
                }
                grid.add(n, 0, row);
                grid.add(v, 1, row);
                values.add(v);
            }
        }
    }

    private static Label wrapping(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
