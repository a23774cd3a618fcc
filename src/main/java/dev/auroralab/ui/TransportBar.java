package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The row under the menus: play, step, next event, restart; the speed; the scenario picker, open and save; the
 * simulated clock and the seed; the panel, theme and presenter buttons.
 *
 * <p>Why not a {@code ToolBar}: a tool bar that runs out of room moves its last items into a » menu and cuts its
 * buttons to "Res…", and the last items are the clock and the seed, which a learner must always see (they make a run
 * reproducible). This row never hides them: when the labelled buttons do not fit, every button shows its icon only
 * (its tooltip still names it and its key), then the slider and the picker give up width; the clock, the seed and the
 * icons never shrink.
 */
public final class TransportBar extends HBox {

    public static final String STYLE_CLASS = "transport-bar";

    private final List<Button> labelled = new ArrayList<>();
    private final Slider speed;
    private final ComboBox<?> picker;
    private final List<Node> optional = new ArrayList<>();
    private final Node clock;
    /** The clock's width when the row was last fitted: "▸ past end" widens it, and the row must fit again. */
    private double fittedClockWidth = -1;
    private static final double CLOCK_SLACK_PX = 3;
    private boolean iconsOnly;
    private boolean forcedIconsOnly;
    private boolean optionalHidden;
    /** The row's preferred width with labels, measured when it last had them: the width to come back to them at. */
    private double labelledWidth = Double.MAX_VALUE;
    /** The row's preferred width with every item, measured when it last had them. */
    private double fullWidth = Double.MAX_VALUE;
    /** The width (and presenter state) the labels and items were last decided for. */
    private double fittedWidth = -1;
    private boolean fittedForced;

    /**
     * @param transport the buttons that carry a label when there is room (play, step, next event, restart)
     * @param speed the speed slider, which gives up width before anything else
     * @param speedLabel its label ("1×")
     * @param picker the scenario picker, which gives up width next
     * @param files the open and save buttons (icons)
     * @param clock the simulated clock and seed: never shrinks
     * @param tail the panel, theme and presenter buttons (icons)
     * @param optional items of {@code files} and {@code tail} that the menus also offer: hidden on a window too narrow
     *     for all the icons (a 1024 px projector), so the clock and seed keep their room
     */
    public TransportBar(List<Button> transport, Slider speed, Label speedLabel, ComboBox<?> picker, List<Node> files,
            Node clock, List<Node> tail, List<Node> optional) {
        super(6);
        this.speed = speed;
        this.picker = picker;
        this.clock = clock;
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        labelled.addAll(transport);
        for (Button b : transport) {
            b.setMinWidth(Control.USE_PREF_SIZE);
        }
        speed.setMinWidth(70);
        speedLabel.setMinWidth(Control.USE_PREF_SIZE);
        picker.setMinWidth(120);
        picker.setMaxWidth(260);
        HBox.setHgrow(picker, Priority.SOMETIMES);
        if (clock instanceof Region r) {
            r.setMinWidth(Control.USE_PREF_SIZE);
        }
        Region grow = new Region();
        grow.setMinWidth(8);
        HBox.setHgrow(grow, Priority.ALWAYS);

        getChildren().addAll(transport);
        getChildren().addAll(separator(), icon(MaterialDesignS.SPEEDOMETER, "Simulation speed"), speed, speedLabel,
                separator(), picker);
        getChildren().addAll(files);
        getChildren().addAll(grow, clock, separator());
        getChildren().addAll(tail);
        for (Node n : files) {
            keepWidth(n);
        }
        for (Node n : tail) {
            keepWidth(n);
        }
        this.optional.addAll(optional);
    }

    private static void keepWidth(Node n) {
        if (n instanceof Region r) {
            r.setMinWidth(Control.USE_PREF_SIZE);
        }
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setMinWidth(Control.USE_PREF_SIZE);
        return s;
    }

    private static Node icon(org.kordamp.ikonli.Ikon ikon, String tip) {
        FontIcon i = new FontIcon(ikon);
        Label l = new Label(null, i);
        l.setMinWidth(Control.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    /** Presenter mode asks for icons only whatever the room: the type is larger and the room is the picture's. */
    public void setForcedIconsOnly(boolean on) {
        forcedIconsOnly = on;
        fittedWidth = -1;
        labelledWidth = Double.MAX_VALUE;
        applyIconsOnly(on);
        requestLayout();
    }

    /** Whether the buttons show their icons only now (tests and screenshots read it). */
    public boolean isIconsOnly() {
        return iconsOnly;
    }


    @Override
    protected void layoutChildren() {
        double w = getWidth();
        // the clock's text changes every frame and lays the row out again: decide only when the width changed, or
        // the clock's (its digits keep it within a pixel or two; "▸ past end" adds a word and needs room)
        double clockWidth = clock.prefWidth(-1);
        boolean clockResized = fittedClockWidth >= 0 && Math.abs(clockWidth - fittedClockWidth) > CLOCK_SLACK_PX;
        if (w > 0 && (w != fittedWidth || forcedIconsOnly != fittedForced || clockResized)) {
            if (clockResized) {
                // what was measured with the old clock no longer holds: start again from labels and every item
                hideOptional(false);
                applyIconsOnly(forcedIconsOnly);
                labelledWidth = Double.MAX_VALUE;
                fullWidth = Double.MAX_VALUE;
            }
            fittedWidth = w;
            fittedForced = forcedIconsOnly;
            fittedClockWidth = clockWidth;
            fitTo(w);
        }
        super.layoutChildren();
    }

    /** Labels, then the optional items, give way in that order, and come back in the reverse order when room returns. */
    private void fitTo(double w) {
        if (optionalHidden && w >= fullWidth) {
            hideOptional(false);
        }
        if (!forcedIconsOnly && iconsOnly && !optionalHidden && w >= labelledWidth) {
            applyIconsOnly(false);
        }
        if (!iconsOnly) {
            double want = minNeeded();
            if (want > w + 0.5) {
                labelledWidth = want;
                applyIconsOnly(true);
            }
        }
        if (!optionalHidden) {
            double want = minNeeded();
            if (want > w + 0.5) {
                fullWidth = want;
                hideOptional(true);
            }
        }
    }

    /** The row's width with the slider and the picker at their least, as it is now (labels or not, items or not). */
    private double minNeeded() {
        return super.computeMinWidth(getHeight());
    }

    /**
     * The least width the row can live with: icons only, the optional items hidden. A window may be as narrow as
     * that; the labels and the optional items come back as it widens.
     */
    @Override
    protected double computeMinWidth(double height) {
        double w = getInsets().getLeft() + getInsets().getRight();
        int shown = 0;
        for (Node n : getChildren()) {
            if (!n.isManaged() || optional.contains(n)) {
                continue;
            }
            shown++;
            if (n instanceof Button b && labelled.contains(b) && b.getGraphic() != null) {
                w += b.getGraphic().prefWidth(-1) + b.getInsets().getLeft() + b.getInsets().getRight();
            } else {
                w += n.minWidth(-1);
            }
        }
        return w + Math.max(0, shown - 1) * getSpacing();
    }

    private void hideOptional(boolean hide) {
        optionalHidden = hide;
        for (Node n : optional) {
            n.setVisible(!hide);
            n.setManaged(!hide);
        }
    }

    private void applyIconsOnly(boolean on) {
        if (on == iconsOnly) {
            return;
        }
        iconsOnly = on;
        for (Button b : labelled) {
            b.setContentDisplay(on ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
        speed.setPrefWidth(on ? 120 : 170);
        if (on) {
            picker.getStyleClass().add(Styles.DENSE);
        } else {
            picker.getStyleClass().remove(Styles.DENSE);
        }
    }
}
