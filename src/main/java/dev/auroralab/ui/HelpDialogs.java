package dev.auroralab.ui;

import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The Help menu's texts: the scenario open now, what the model simplifies, and the keys. */
final class HelpDialogs {

    static final String SHORTCUTS = """
            Space        play / pause
            →            step one engine event (pauses)
            Shift+→      run to the next event in the log
            ←            step back to the previous event in the log
            Shift+←      back to the previous mark (fault, action, failover)
            Home / End   the start / the furthest point played
            Drag the timeline to scrub; click a mark to jump to it.
            Acting in the past starts a branch; the old future is kept.
            Ctrl+B       compare the branch with the one it left (again: stop)
            Page Down    in a lesson: continue (Space too, when the step waits)
            Page Up      in a lesson: back to the previous step (rewinds)
            M            myths and facts (works in presenter mode too)
            Ctrl+Shift+P practice exam questions (Ctrl+Shift+T: a timed set)
            1–4 / A–D    in practice: answer (they win over D, F, R there)
            Enter        in practice: go on to the next question
            W            in practice, after an answer: watch it in the engine
            Page Up      in Watch it: back to the question (Backspace too)
            P            predict, then observe: stop before each significant
                         change and ask what happens next (1-4 answer)
            + / −        faster / slower (1/100× to 100×)
            Click        select; right-click: actions
            ] / [        select the next / previous element
            F / R        fail / restore the selection (a region too)
            D            distance to failure: mark each single fault that
                         would stop writes, reads or the writer (hover: why)
            G / Shift+G  Global Database: show the next / previous region
            W            why? the events behind the selection, or the volume
                         (also: click the banner or a group's row)
            Shift+F10    actions for the selection
            Esc          clear the selection (leave presenter mode)
            Ctrl+1       side panel: inspector, event log, workload
            Ctrl+2       charts, or one line of headline numbers
            Ctrl+3       the scenario's notes
            Ctrl+ + / −  zoom the picture in / out (also Ctrl+wheel)
            Ctrl+0       fit the picture to the window
            Ctrl+O / S   open / save a scenario
            Ctrl+R       restart the scenario
            Ctrl+E       export the view as PNG
            Ctrl+D       next theme: light, dark, high contrast
            F11          presenter mode""";

    private final Dialogs dialogs;

    HelpDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** The scenario's name, its whole description, seed and timeline. */
    void aboutScenario(Scenario sc) {
        String description = sc.description() == null || sc.description().isBlank()
                ? "(this scenario has no description)" : sc.description().strip();
        dialogs.info("About this scenario", sc.name() + "\n\n" + description + "\n\n" + sc.cluster().engine().label() + " · seed " + sc.seed() + " · timeline "
                + Durations.format(sc.durationMicros()) + (sc.sourceName() == null ? "" : " · from " + sc.sourceName()),
                false);
    }

    /** The fixed text, then the model values the open scenario sets ({@code timings:}), if any. */
    void simplifications(Scenario sc) {
        String text;
        try (InputStream in = HelpDialogs.class.getResourceAsStream("model-simplifies.txt")) {
            text = in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(could not read: " + e.getMessage() + ")";
        }
        dialogs.info("What this model simplifies", text + scenarioTimings(sc), false);
    }

    /** "This scenario sets: ..." for the open scenario's timing overrides, or nothing when it runs on defaults. */
    static String scenarioTimings(Scenario sc) {
        if (sc == null) {
            return "";
        }
        var set = sc.cluster().timings().describeOverrides();
        String engine = "\n\nThis scenario runs " + sc.cluster().engine().label() + ".";
        return set.isEmpty() ? engine + " It uses the model's default timings."
                : engine + " It sets these model values:\n• " + String.join("\n• ", set);
    }

    void shortcuts() {
        dialogs.info("Keyboard shortcuts", SHORTCUTS, true);
    }
}
