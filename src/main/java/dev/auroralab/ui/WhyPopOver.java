package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.teach.WhyLink;
import dev.auroralab.teach.WhySubject;
import dev.auroralab.teach.WhyTrace;
import dev.auroralab.ui.topology.GlobalStripView;
import dev.auroralab.ui.topology.TopologyView;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.PopOver.ArrowLocation;

/**
 * The "Why?" pop-over (issue 14): asked from the volume banner, a protection group's row, a region's card, the ledger
 * or the W key, it lists the events that made the thing as it is ({@link WhyTrace}), newest first, each a link that
 * takes the run to its moment. Every link says in words who did it (you, the scenario, the engine): never colour alone.
 *
 * <p>The trace is of the moment the pop-over opened; following a link moves the run there (paused, so the learner
 * looks at it) and leaves the list as it was, so the other moments stay one click away.
 */
public final class WhyPopOver {

    public static final String STYLE = "why-popover";
    public static final String LIST_ID = "whyList";
    public static final String LINK_STYLE = "why-link";
    public static final String FIRST_STYLE = "why-first";
    /** The widest the list gets: long sentences wrap, and the pop-over stays clear of half a 1280 px screen. */
    static final double MAX_WIDTH = 620;
    /** The tallest the list gets before it scrolls: a long chain stays on a 720 px screen. */
    static final double MAX_HEIGHT = 420;

    private final SimulationViewModel vm;
    /** Where the selection is drawn, to point the pop-over at it (null until attached). */
    private TopologyView topology;
    private PopOver shown;
    private List<WhyLink> links = List.of();

    public WhyPopOver(SimulationViewModel vm) {
        this.vm = vm;
    }

    /** Wires the places a learner asks from: a click on the banner or a group's row, a "Why?" item, a ledger row. */
    public void attach(VolumeBanner banner, TopologyView topology, GlobalStripView strip, LedgerPane ledger) {
        banner.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                show(WhySubject.volume(), banner);
            }
        });
        banner.setCursor(javafx.scene.Cursor.HAND);
        banner.setAccessibleHelp("Click, or press W, to see why: the events that led here");
        // the failover's phase is its own target: the writer's chain, not the volume's
        FailoverPhaseLink phase = banner.phase();
        phase.setOnAction(e -> {
            phase.setVisited(false);
            show(WhySubject.writer(), phase);
        });
        this.topology = topology;
        topology.setWhy(this);
        strip.setWhy(this);
        ledger.setOnMouseClicked(e -> {
            FailoverRecord r = ledger.getSelectionModel().getSelectedItem();
            if (r != null && e.getButton() == MouseButton.PRIMARY) {
                show(r.acknowledgedWritesLost() > 0 ? WhySubject.lostWrites() : WhySubject.writer(), ledger,
                        e.getScreenX(), e.getScreenY());
            }
        });
        Tooltip.install(ledger, new Tooltip("Click a row: why? (the lost writes, or the failover)"));
    }

    /**
     * The inspector's volume rows that have a trace of their own: the failover under way (the writer's) and the
     * acknowledged writes lost.
     */
    public void attach(InspectorPane inspector) {
        inspector.setLink(InspectorModel.FAILOVER_FIELD, "Why? Click for the failover's events, each a link to its"
                + " moment", owner -> show(WhySubject.writer(), owner));
        inspector.setLink(InspectorModel.LOST_WRITES_FIELD, "Why? Click for the events that lost acknowledged"
                + " writes, each a link to its moment", owner -> show(WhySubject.lostWrites(), owner));
    }

    /**
     * What a selection's "why?" is about: each element its own (an AZ, a storage node, an instance, an endpoint of the
     * region the topology shows, a protection group, a region's role, the volume); a copy's is its group's, whose
     * gauge it counts in. Null for nothing selected.
     */
    public static WhySubject subjectOf(Selection s, EngineSnapshot now, String viewedRegion) {
        if (s == null || now == null) {
            return null;
        }
        return switch (s.kind()) {
            case VOLUME -> WhySubject.volume();
            case PROTECTION_GROUP -> WhySubject.pg(s.id());
            case REGION -> WhySubject.region(s.id());
            case SEGMENT -> {
                String pg = pgOfCopy(s.id(), now);
                yield pg == null ? null : WhySubject.pg(pg);
            }
            case INSTANCE -> WhySubject.instance(s.id());
            case AVAILABILITY_ZONE -> WhySubject.az(s.id());
            case STORAGE_NODE -> WhySubject.node(s.id());
            case ENDPOINT -> WhySubject.Endpoint.CLUSTER.equals(s.id()) || WhySubject.Endpoint.READER.equals(s.id())
                    ? WhySubject.endpoint(s.id(), viewedRegion) : null;
        };
    }

    /** The "Why?" item of a selection's menu (W), or null when the selection has no trace. */
    public MenuItem menuItem(Selection s, Node owner, double screenX, double screenY) {
        WhySubject subject = subjectOf(s, vm.snapshot(), vm.viewedRegion());
        if (subject == null) {
            return null;
        }
        MenuItem item = new MenuItem("Why?    (W)");
        item.setOnAction(e -> show(subject, owner, screenX, screenY));
        return item;
    }

    /**
     * The W key: the selection's why, pointing at the selection where the topology shows it (else at {@code owner}),
     * or the volume's when nothing is selected.
     */
    public void showForSelection(Node owner) {
        Selection sel = vm.selection();
        WhySubject subject = subjectOf(sel, vm.snapshot(), vm.viewedRegion());
        double[] c = topology == null || sel == null || subject == null ? null : topology.centreOf(sel);
        var canvas = topology == null ? null : topology.canvas();
        if (c != null && canvas.getScene() != null && canvas.getLayoutBounds().contains(c[0], c[1])) {
            var at = canvas.localToScreen(c[0], c[1]);
            if (at != null) {
                show(subject, canvas, at.getX(), at.getY());
                return;
            }
        }
        show(subject == null ? WhySubject.volume() : subject, owner);
    }

    /** Opens the trace of {@code subject} under {@code owner}. */
    public void show(WhySubject subject, Node owner) {
        Bounds b = owner.localToScreen(owner.getBoundsInLocal());
        if (b == null) {
            return;
        }
        show(subject, owner, b.getMinX() + Math.min(40, b.getWidth() / 2), b.getMaxY());
    }

    /** Opens the trace of {@code subject} with its arrow at a screen point of {@code owner}. */
    public void show(WhySubject subject, Node owner, double screenX, double screenY) {
        hide();
        links = WhyTrace.explain(subject, vm.run());
        Node body = content(links, vm.nowMicros(), this::go);
        fitHeight(body, owner);
        PopOver p = new PopOver(body);
        p.getStyleClass().add(STYLE);
        p.setTitle("Why?");
        p.setHeaderAlwaysVisible(true);
        p.setDetachable(false);
        p.setAnimated(false);
        p.setAutoHide(true);
        var window = owner.getScene() == null ? null : owner.getScene().getWindow();
        boolean lowerHalf = window != null && screenY > window.getY() + window.getHeight() / 2;
        p.setArrowLocation(lowerHalf ? ArrowLocation.BOTTOM_LEFT : ArrowLocation.TOP_LEFT);
        shown = p;
        p.show(owner, screenX, screenY);
    }

    public void hide() {
        if (shown != null) {
            shown.hide(javafx.util.Duration.ZERO);
            shown = null;
        }
    }

    public boolean isShowing() {
        return shown != null && shown.isShowing();
    }

    /** The links shown last, first one the state now. */
    public List<WhyLink> links() {
        return links;
    }

    /** Follows a link: the run goes to its moment and stays there. */
    private void go(WhyLink link) {
        vm.pause();
        vm.seek(link.atMicros());
    }

    /** The list: which moment it explains and how to read it, then one link per moment, the state first. */
    static Node content(List<WhyLink> links, long nowMicros, Consumer<WhyLink> go) {
        VBox list = new VBox(2);
        list.setId(LIST_ID);
        list.getStyleClass().add("why-list");
        String at = "At " + dev.auroralab.run.ClockText.of(nowMicros) + ": ";
        Label how = new Label(links.size() == 1 ? at + "nothing led here to trace back."
                : at + "the state, then what caused it, newest first. Click a moment to go there (the run pauses);"
                        + " the list stays.");
        how.getStyleClass().add("why-how");
        how.setWrapText(true);
        list.getChildren().add(how);
        for (int i = 0; i < links.size(); i++) {
            WhyLink l = links.get(i);
            Hyperlink h = new Hyperlink((i == 0 ? "" : "← ") + l.label());
            h.getStyleClass().add(LINK_STYLE);
            if (i == 0) {
                h.getStyleClass().add(FIRST_STYLE);
            }
            h.setWrapText(true);
            h.setMnemonicParsing(false);
            h.setMaxWidth(MAX_WIDTH - 24);
            h.setOnAction(e -> go.accept(l));
            list.getChildren().add(h);
        }
        list.setMaxWidth(MAX_WIDTH);
        list.setPrefWidth(MAX_WIDTH);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // a long chain scrolls inside the pop-over rather than running off a 720 px screen
        scroll.setMaxHeight(MAX_HEIGHT);
        // the pop-over's window takes the height it has when it opens, so guess the wrapped list's height then
        scroll.setPrefViewportHeight(Math.min(MAX_HEIGHT, estimatedHeight(how.getText(), links)));
        // then exactly the list's height, once it is laid out (a sentence may wrap onto two lines)
        list.heightProperty().addListener((o, a, h) -> scroll.setPrefViewportHeight(Math.min(MAX_HEIGHT,
                h.doubleValue())));
        scroll.getStyleClass().add("why-scroll");
        return scroll;
    }

    /**
     * Lays {@code body} out once with the window's style sheets and style classes (presenter mode's larger type too),
     * so the list knows its wrapped height before the pop-over opens: the pop-over's window keeps the height it
     * opens with. The estimate stands when there is no window yet.
     */
    static void fitHeight(Node body, Node owner) {
        javafx.scene.Scene scene = owner.getScene();
        if (scene == null) {
            return;
        }
        javafx.scene.layout.StackPane probe = new javafx.scene.layout.StackPane(body);
        probe.getStyleClass().setAll(scene.getRoot().getStyleClass());
        javafx.scene.Scene measuring = new javafx.scene.Scene(probe);
        measuring.getStylesheets().setAll(scene.getStylesheets());
        probe.applyCss();
        if (body instanceof javafx.scene.Parent parent) {
            // as wide as the pop-over will make it: its preferred width; the list wraps at that and takes its height
            parent.resize(parent.prefWidth(-1), MAX_HEIGHT);
            parent.layout();
        }
        probe.getChildren().clear();
    }

    /**
     * The list's height before it is laid out: each line measured at the links' 16 px (bold for the first) and wrapped
     * at the list's width, with the gaps between, a little over rather than under (a scroll bar for a line short).
     */
    static double estimatedHeight(String how, List<WhyLink> links) {
        double width = MAX_WIDTH - 24 - 12;
        double h = 14 + 4 + wrappedHeight(how, javafx.scene.text.Font.font(16), width);
        for (int i = 0; i < links.size(); i++) {
            javafx.scene.text.Font f = i == 0 ? javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 16)
                    : javafx.scene.text.Font.font(16);
            h += 2 + 6 + wrappedHeight((i == 0 ? "" : "← ") + links.get(i).label(), f, width);
        }
        return Math.ceil(h * 1.05);
    }

    private static double wrappedHeight(String text, javafx.scene.text.Font font, double width) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        t.setWrappingWidth(width);
        return t.getLayoutBounds().getHeight();
    }

    private static String pgOfCopy(String copy, EngineSnapshot now) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                for (SegmentSnapshot s : pg.segments()) {
                    if (s.id().equals(copy)) {
                        return pg.id();
                    }
                }
            }
        }
        return null;
    }
}
