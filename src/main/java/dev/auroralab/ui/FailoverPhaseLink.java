package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The failover's phase beside the volume banner, while one runs: "failover: promoting (writer-1 → reader-3)". A link of
 * its own, so the failover is a click target apart from the volume (issue 14): it opens the writer's "Why?" trace,
 * the lost writer, the detection, the promotion, the recovery and the endpoint's move, not the banner's whole chain.
 * A link rather than a label: it takes the focus and answers Space and Enter like any other control.
 *
 * <p>Hidden (and taking no room) when no failover runs. Its text is set only when it changes (decision 0009).
 */
public final class FailoverPhaseLink extends Hyperlink {

    public static final String ID = "failoverPhase";
    public static final String STYLE = "failover-phase";
    /** The tooltip's first words: what a click does. */
    public static final String TIP = "Why? Click for the failover's chain of events: what took the writer away, the"
            + " detection, the promotion, recovery and the endpoint's move, each a link to its moment.";

    private boolean shown;

    public FailoverPhaseLink() {
        setId(ID);
        getStyleClass().add(STYLE);
        setMnemonicParsing(false);
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        // never squeezed to "…" by a long banner: the banner wraps first
        setMinWidth(Region.USE_PREF_SIZE);
        setAccessibleHelp("Click, or press Enter, to see why: the failover's events");
        Tooltip tip = new Tooltip(TIP);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        setTooltip(tip);
        setVisible(false);
        setManaged(false);
    }

    /** Shows the snapshot's failover phase, or hides while none runs. */
    public void show(EngineSnapshot s) {
        String text = text(s);
        boolean on = text != null;
        if (on != shown) {
            setVisible(on);
            setManaged(on);
            shown = on;
        }
        if (on && !text.equals(getText())) {
            setText(text);
        }
    }

    /**
     * "failover: promoting (writer-1 → reader-3)", or only "failover: promoting" when the banner's reason already
     * names both ends ("no writer: promoting reader-3 (failover from writer-1)"); null while no failover runs.
     */
    public static String text(EngineSnapshot s) {
        FailoverSnapshot f = s.failoverInProgress();
        if (f == null) {
            return null;
        }
        var why = s.volume().why();
        return "failover: " + (why != null && why.namesTheOperation() ? f.phase().label() : f.describe());
    }
}
