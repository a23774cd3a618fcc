package dev.auroralab.ui.timeline;

import dev.auroralab.run.Branch;
import dev.auroralab.run.ClockText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import org.controlsfx.control.SegmentedButton;

/**
 * The run's branches beside the timeline, one segment each (ControlsFX's SegmentedButton): the one shown is pressed,
 * a click shows another at the same moment. Hidden while the run has one branch. A long run of experiments keeps the
 * first branch, the one shown and the most recent others ({@link #MAX_SHOWN} in all); the Simulation menu lists all.
 */
public final class BranchList extends HBox {

    public static final String ID = "branchList";
    /** Segments shown at most: more would push the timeline off a 1280 px projector. */
    static final int MAX_SHOWN = 4;
    /** Characters of a branch's name on its segment; the tooltip has the whole name. */
    static final int NAME_CHARS = 26;

    private final SegmentedButton segments = new SegmentedButton();
    private final Consumer<Branch> choose;
    private List<Branch> shown = List.of();
    private boolean updating;

    /** @param choose called with the branch a learner clicks */
    public BranchList(Consumer<Branch> choose) {
        super(6);
        this.choose = choose;
        setId(ID);
        setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label("Branch");
        caption.getStyleClass().add("branch-caption");
        getChildren().addAll(caption, segments);
        segments.getToggleGroup().selectedToggleProperty().addListener((o, was, is) -> {
            if (updating) {
                return;
            }
            if (is == null) {
                // a click on the pressed segment: it stays pressed
                updating = true;
                was.setSelected(true);
                updating = false;
                return;
            }
            choose.accept((Branch) is.getUserData());
        });
        setVisible(false);
        setManaged(false);
    }

    /** Shows {@code all} branches of the run with {@code current} pressed. */
    public void show(List<Branch> all, Branch current) {
        boolean many = all.size() > 1;
        setVisible(many);
        setManaged(many);
        List<Branch> pick = pick(all, current);
        updating = true;
        if (!pick.equals(shown)) {
            shown = pick;
            List<ToggleButton> buttons = new ArrayList<>();
            for (Branch b : pick) {
                ToggleButton t = new ToggleButton(shorten(b.name()));
                t.setUserData(b);
                t.setTooltip(new Tooltip(describe(b)));
                t.setMnemonicParsing(false);
                buttons.add(t);
            }
            segments.getButtons().setAll(buttons);
        }
        for (ToggleButton t : segments.getButtons()) {
            t.setSelected(t.getUserData() == current);
        }
        updating = false;
    }

    /** The first branch, the current one and the most recent others, in the order they were started. */
    static List<Branch> pick(List<Branch> all, Branch current) {
        if (all.size() <= MAX_SHOWN) {
            return List.copyOf(all);
        }
        List<Branch> out = new ArrayList<>(List.of(all.get(0)));
        if (!out.contains(current)) {
            out.add(current);
        }
        for (int i = all.size() - 1; i > 0 && out.size() < MAX_SHOWN; i--) {
            if (!out.contains(all.get(i))) {
                out.add(all.get(i));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Branch::id));
        return out;
    }

    static String shorten(String name) {
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
    }

    static String describe(Branch b) {
        return b.parent() == null ? b.name() + ": the scenario's own timeline with your actions at its end"
                : b.name() + "\nleft \"" + b.parent().name() + "\" at t = " + ClockText.of(b.forkMicros())
                        + "; played to " + ClockText.of(b.extentMicros());
    }
}
