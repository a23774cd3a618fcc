package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The client workload: writes/s and reads/s, on logarithmic sliders, applied to the engine when the learner lets go
 * (or presses an arrow key on a slider), never while dragging.
 *
 * <p>The label always says the engine's own rate, whatever the slider can show. The sliders reach
 * {@link #MAX_RATE_PER_SECOND}; a scenario that asks for more widens their range to its own rate, so a
 * 400,000 reads/s scenario shows 400,000 and a stray key press on the slider never writes back a capped value.
 */
public final class WorkloadControls extends VBox {

    /** The sliders' top, per second: five times the headline load of the bench (200,000 writes/s, 400,000 reads/s). */
    public static final double MAX_RATE_PER_SECOND = 2_000_000;
    public static final String WRITES_ID = "writesSlider";
    public static final String READS_ID = "readsSlider";
    public static final String WRITES_LABEL_ID = "writesLabel";
    public static final String READS_LABEL_ID = "readsLabel";

    private final SimulationViewModel vm;
    private final Rate writes;
    private final Rate reads;

    public WorkloadControls(SimulationViewModel vm) {
        super(4);
        this.vm = vm;
        Label title = new Label("Workload");
        title.getStyleClass().add(Styles.TITLE_4);
        writes = new Rate(true, "writes/s", WRITES_ID, WRITES_LABEL_ID);
        reads = new Rate(false, "reads/s", READS_ID, READS_LABEL_ID);
        getChildren().addAll(title, writes.row, reads.row);
    }

    /** Follows the engine's rates (not while the learner holds a slider). */
    public void show(EngineSnapshot s) {
        writes.show(s.writesPerSecond());
        reads.show(s.readsPerSecond());
    }

    /** Slider position for a rate: log10(1 + rate). */
    static double toSlider(double rate) {
        return Math.log10(1 + Math.max(0, rate));
    }

    /** The rate at a slider position, rounded to a readable figure (two significant digits, whole numbers below 10). */
    static double fromSlider(double position) {
        double raw = Math.pow(10, position) - 1;
        if (raw < 10) {
            return Math.round(raw);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
        return Math.round(raw / magnitude) * magnitude;
    }

    /** "1,234 writes/s": the engine's rate as it is, not the slider's rounding of it. */
    static String label(double rate, String unit) {
        return Numbers.grouped(Math.round(rate)) + " " + unit;
    }

    /** One slider and its label. */
    private final class Rate {
        final boolean isWrites;
        final String unit;
        final Slider slider = new Slider(0, toSlider(MAX_RATE_PER_SECOND), 3);
        final Label label = new Label();
        final HBox row;
        /** The learner moved the slider since the engine's rate was last shown on it. */
        boolean moved;
        boolean fromModel;
        double shownRate = Double.NaN;

        Rate(boolean isWrites, String unit, String id, String labelId) {
            this.isWrites = isWrites;
            this.unit = unit;
            slider.setId(id);
            label.setId(labelId);
            slider.setPrefWidth(170);
            slider.setMinWidth(90);
            HBox.setHgrow(slider, Priority.ALWAYS);
            label.setMinWidth(Control.USE_PREF_SIZE);
            slider.setTooltip(new Tooltip("Client " + unit + ", 0 to " + Numbers.grouped((long) MAX_RATE_PER_SECOND)
                    + " (logarithmic); applied when you let go. The label shows the engine's rate."));
            slider.valueProperty().addListener((o, a, b) -> {
                if (!fromModel) {
                    moved = true;
                    label.setText(label(fromSlider(b.doubleValue()), unit));
                }
            });
            slider.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) {
                    apply();
                }
            });
            slider.setOnMouseReleased(e -> {
                if (!slider.isValueChanging()) {
                    apply();
                }
            });
            slider.setOnKeyReleased(e -> {
                KeyCode k = e.getCode();
                if (k.isArrowKey() || k == KeyCode.PAGE_UP || k == KeyCode.PAGE_DOWN || k == KeyCode.HOME
                        || k == KeyCode.END) {
                    apply();
                }
            });
            row = new HBox(8, slider, label);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        void show(double rate) {
            if (slider.isValueChanging() || moved || rate == shownRate) {
                return;
            }
            shownRate = rate;
            // a scenario's rate above the sliders' top widens the range to it
            double top = Math.max(toSlider(MAX_RATE_PER_SECOND), toSlider(rate));
            fromModel = true;
            try {
                if (slider.getMax() != top) {
                    slider.setMax(top);
                }
                slider.setValue(toSlider(rate));
            } finally {
                fromModel = false;
            }
            label.setText(label(rate, unit));
        }

        /** Sends the slider's rate to the engine if the learner moved it and it differs from the engine's. */
        void apply() {
            if (!moved) {
                return;
            }
            moved = false;
            double value = fromSlider(slider.getValue());
            EngineSnapshot s = vm.snapshot();
            double current = isWrites ? s.writesPerSecond() : s.readsPerSecond();
            shownRate = Double.NaN;
            if (Math.abs(current - value) < 0.5) {
                show(current);
                return;
            }
            vm.act(isWrites ? new Command.SetWorkload(value, null) : new Command.SetWorkload(null, value));
        }
    }

    /** For tests: the slider of writes (true) or reads (false). */
    Slider slider(boolean isWrites) {
        return isWrites ? writes.slider : reads.slider;
    }

    /** For tests: the label of writes (true) or reads (false). */
    Label label(boolean isWrites) {
        return isWrites ? writes.label : reads.label;
    }
}
