package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The volume's state in one sentence over the picture: "✓ Volume WRITABLE - every protection group has its write
 * quorum; writer-1 is writing". It wraps instead of ending in "…" (a projector at 1280 px, large type in presenter
 * mode), and its tone (success, warning, danger) also has a glyph. While a failover runs, its phase is {@link #phase()},
 * a link of its own beside the banner: a click on the banner explains the volume, a click on the phase the failover.
 */
public final class VolumeBanner extends Label {

    public static final String ID = "volumeBanner";

    private final Tooltip tip = new Tooltip();
    private final FailoverPhaseLink phase = new FailoverPhaseLink();
    private String shownTone = "";

    public VolumeBanner() {
        setId(ID);
        setMaxWidth(Double.MAX_VALUE);
        setWrapText(true);
        // a VBox short of room would shrink it to one cut line: keep every line
        setMinHeight(Region.USE_PREF_SIZE);
        setPadding(new Insets(6, 12, 6, 12));
        getStyleClass().add("volume-banner");
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        setTooltip(tip);
    }

    /** The failover's phase, to lay out beside the banner (hidden while no failover runs). */
    public FailoverPhaseLink phase() {
        return phase;
    }

    /** Shows the snapshot's state; touches the style classes only when the tone changes (decision 0009). */
    public void show(EngineSnapshot s) {
        phase.show(s);
        String text = text(s);
        if (!text.equals(getText())) {
            setText(text);
            tip.setText(text + "\n\nClick, or press W, for why: the events that led here.");
        }
        VolumeStatus st = s.volume().status();
        String tone = st == VolumeStatus.WRITABLE ? Styles.SUCCESS
                : st == VolumeStatus.READ_ONLY ? Styles.WARNING : Styles.DANGER;
        if (!tone.equals(shownTone)) {
            getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            getStyleClass().add(tone);
            shownTone = tone;
        }
    }

    /**
     * The banner's sentence. In a Global Database it names the region the writes go to. The failover's phase is not
     * in it: {@link FailoverPhaseLink} says it beside the banner, where it is a click target of its own.
     */
    public static String text(EngineSnapshot s) {
        var v = s.volume();
        String icon = switch (v.status()) {
            case WRITABLE -> "✓";
            case READ_ONLY -> "⚠";
            case UNAVAILABLE -> "✕";
        };
        String reason = v.reason();
        String where = s.isGlobal() ? s.writerRegion() + " · " : "";
        return icon + " " + where + "Volume " + v.status().label().toUpperCase(Locale.ROOT)
                + (reason.isEmpty() ? "" : " - " + reason);
    }
}
