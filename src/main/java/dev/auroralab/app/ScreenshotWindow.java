package dev.auroralab.app;

import atlantafx.base.theme.PrimerLight;
import dev.auroralab.app.ScreenshotCommand.Outcome;
import dev.auroralab.app.ScreenshotCommand.Request;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.Durations;
import dev.auroralab.ui.AuroraLabApp;
import dev.auroralab.ui.PngExport;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.Theme;
import dev.auroralab.exam.Question;
import dev.auroralab.ui.practice.PracticeModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * The JavaFX side of {@code screenshot}: builds the real window (the same {@link AuroraLabApp#build} the app uses),
 * runs the scenario to the requested time, lets a few pulses lay it out and draw it, and writes the whole scene to a
 * PNG. Loaded only when that command runs.
 */
final class ScreenshotWindow {

    /** Pulses to let go by before the snapshot, so CSS, layout, the canvas and the charts have all caught up. */
    private static final int SETTLE_PULSES = 3;
    /** The simulated time the charts show. */

    private ScreenshotWindow() {
    }

    static Outcome render(Request r) {
        FxStartup fx = FxStartup.start(r.headless(), r.width(), r.height(), false);
        try {
            return draw(r);
        } finally {
            fx.finish();
        }
    }

    private static Outcome draw(Request r) {
        Stage[] stage = new Stage[1];
        AuroraLabApp.Window[] window = new AuroraLabApp.Window[1];
        Path[] recordDir = new Path[1];
        try {
            String problem = FxStartup.onFxThread(() -> {
                String tooBig = FxStartup.tooBigForScreen(r.width(), r.height());
                if (tooBig != null) {
                    return tooBig;
                }
                // the theme the app itself starts with (AuroraLabApp.start); --dark switches it like Ctrl+D does
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                stage[0] = new Stage();
                window[0] = AuroraLabApp.build(stage[0], r.scenario(), r.width(), r.height());
                if (r.theme() != null) {
                    var theme = Theme.fromName(r.theme());
                    if (theme.isEmpty()) {
                        return "--theme " + r.theme() + ": no such theme. Use one of: " + java.util.Arrays
                                .stream(Theme.values()).map(Theme::id).collect(java.util.stream.Collectors.joining(", "));
                    }
                    window[0].view().setTheme(theme.get());
                } else if (r.dark()) {
                    window[0].view().setDark(true);
                }
                if (r.presenter()) {
                    // presenter mode at the size asked for: the picture is what a projector of that size shows
                    window[0].view().setPresenter(true, false);
                }
                if (r.distance()) {
                    window[0].view().topology().distance().setShown(true);
                }
                if (r.noNotes()) {
                    window[0].view().panels().setNotesShown(false);
                }
                if (r.compare() != null) {
                    window[0].vm().comparison().withScenario(r.compare());
                }
                if (r.lesson() != null) {
                    var lessons = window[0].view().lessons();
                    lessons.open(r.lesson(), r.lessonStep());
                    if (lessons.player().status() == dev.auroralab.run.LessonPlayer.Status.RUNNING) {
                        lessons.next(); // "skip to end": the step's effect is what the picture is for
                    }
                    window[0].vm().pause();
                } else if (r.predict()) {
                    String none = firstPrediction(window[0], r.atMicros());
                    if (none != null) {
                        return none;
                    }
                } else {
                    // the run samples the charts every 250 ms on the way, as a playing window would
                    window[0].vm().advanceTo(r.atMicros());
                }
                if (r.practice() != null) {
                    try {
                        recordDir[0] = Files.createTempDirectory("aurora-lab-screenshot");
                    } catch (IOException e) {
                        return "cannot make a temporary folder for the practice record: " + e.getMessage();
                    }
                    practice(window[0], r.practice(), recordDir[0].resolve("study-record.json"));
                }
                // a huge volume's distance is worked out off the JavaFX thread in the window: here, at once
                window[0].view().topology().distance().currentNow();
                if (r.selectKind() != null) {
                    Selection sel = Selection.find(window[0].vm().snapshot(), r.selectKind(), r.selectId());
                    if (sel == null) {
                        return unknownSelection(window[0].vm().snapshot(), r);
                    }
                    window[0].vm().select(sel);
                }
                if (r.ledger()) {
                    window[0].view().showLedger();
                }
                return null;
            });
            if (problem != null) {
                return Outcome.badInput(problem);
            }
            settle();
            String written = FxStartup.onFxThread(() -> {
                Parent root = window[0].scene().getRoot();
                for (int i = 0; i < 2; i++) {
                    root.applyCss();
                    root.layout();
                }
                try {
                    PngExport.write(root, r.out());
                    return null;
                } catch (IOException e) {
                    return e.getMessage();
                }
            });
            if (written != null) {
                return Outcome.badInput("cannot write " + r.out() + ": " + written);
            }
            return Outcome.ok(FxStartup.onFxThread(() -> window[0].vm().nowMicros()));
        } finally {
            deleteQuietly(recordDir[0]);
            if (stage[0] != null) {
                try {
                    FxStartup.onFxThread(() -> {
                        stage[0].close();
                        return null;
                    });
                } catch (IllegalStateException ignored) {
                    // the toolkit is gone: nothing left to close
                }
            }
        }
    }

    /**
     * The practice column as {@code --practice} or {@code --timed} asks, over a record of its own (never the
     * learner's): a question, answered and watched; or a timed set taken to its result, answered right but for every
     * third question, on a clock that gives each question 75 s (so the result's time is the same on every run).
     */
    private static void practice(AuroraLabApp.Window w, PracticeShot p, Path record) {
        PracticeModel m = w.view().practice();
        m.useRecordFile(record);
        m.useBank(p.bank());
        if (p.timed() > 0) {
            long[] now = {0};
            m.useClock(() -> now[0]);
            m.openTimedSetup();
            m.setTimedCount(p.timed());
            m.startTimed();
            for (int i = 0; i < p.timed(); i++) {
                Question q = m.question();
                boolean miss = i % PracticeShot.MISS_EVERY == PracticeShot.MISS_EVERY - 1;
                m.answer(miss ? (q.answer() + 1) % q.choices().size() : q.answer());
                now[0] += PracticeShot.NANOS_PER_QUESTION;
                m.next();
            }
            return;
        }
        if (p.question() != null) {
            m.openPractice(p.question().id());
        } else {
            m.openPractice();
        }
        if (p.answer() >= 0) {
            m.answer(p.answer());
        }
        if (p.watch()) {
            m.watch();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind costs nothing
        }
    }

    /**
     * Plays to {@code fromMicros}, turns predict-then-observe on and plays on until its first question (within the
     * look-ahead's horizon): the picture a learner sees when the run stops to ask. A message when none comes.
     */
    private static String firstPrediction(AuroraLabApp.Window w, long fromMicros) {
        w.vm().advanceTo(fromMicros);
        var predict = w.view().predict().model();
        predict.onProperty().set(true);
        w.vm().play();
        w.vm().advanceTo(fromMicros + dev.auroralab.teach.NextChange.HORIZON_MICROS);
        if (predict.promptProperty().get() == null) {
            return "--predict: nothing significant changes in " + w.vm().scenario().name() + " within "
                    + Durations.format(dev.auroralab.teach.NextChange.HORIZON_MICROS) + " after t="
                    + Durations.format(fromMicros) + ", so there is no question to show";
        }
        return null;
    }

    /** Waits for a few animation pulses, so the stage is shown, laid out and drawn as a user would see it. */
    private static void settle() {
        CountDownLatch pulses = new CountDownLatch(SETTLE_PULSES);
        AnimationTimer[] timer = new AnimationTimer[1];
        FxStartup.onFxThread(() -> {
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.countDown();
                    if (pulses.getCount() == 0) {
                        stop();
                    }
                }
            };
            timer[0].start();
            return null;
        });
        FxStartup.await(pulses, "draw the window");
    }

    private static String unknownSelection(EngineSnapshot s, Request r) {
        List<String> known = new ArrayList<>();
        switch (r.selectKind()) {
            case "instance" -> {
                if (s.isGlobal()) {
                    s.regions().forEach(g -> g.instances().forEach(i -> known.add(i.id())));
                } else {
                    s.instances().forEach(i -> known.add(i.id()));
                }
            }
            case "region" -> s.regions().forEach(g -> known.add(g.region()));
            case "pg" -> s.volume().protectionGroups().forEach(p -> known.add(p.id()));
            case "az" -> known.addAll(s.azs());
            case "node" -> s.storageNodes().forEach(n -> known.add(n.id()));
            case "segment" -> s.volume().protectionGroups().forEach(p -> p.segments().forEach(g ->
                    known.add(g.address() == null ? g.id() : g.address())));
            default -> {
            }
        }
        String list = known.size() > 12 ? String.join(", ", known.subList(0, 12)) + ", …" : String.join(", ", known);
        return "--select " + r.selectKind() + ":" + r.selectId() + ": there is no " + r.selectKind() + " '"
                + r.selectId() + "' at t=" + Durations.format(r.atMicros()) + ". Use one of: " + list;
    }
}
