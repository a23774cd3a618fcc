package dev.auroralab.app;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * {@code screenshot FILE [--at D] --out PATH.png [--width W --height H] [--dark] [--select KIND:ID] [--headless]}:
 * draws the real window for a scenario at a simulated time into a PNG, with or without a display ({@code --distance}
 * turns the distance-to-failure overlay on, as the D key does; {@code --predict} shows predict-then-observe's first
 * question at or after {@code --at}, 0 by default).
 *
 * <p>Everything that can be checked without JavaFX (arguments, the scenario file, the output folder) is checked here
 * first, so bad input costs no toolkit start-up. The drawing is in {@link ScreenshotWindow}, the only part that loads
 * JavaFX. Exit 0 when the PNG is written, 2 for bad input (with one message, never a stack trace), 1 when drawing
 * failed.
 */
final class ScreenshotCommand implements Command {

    static final String USAGE = "screenshot FILE --out PATH.png [--at D] [--width W --height H]"
            + " [--theme light|dark|high-contrast] [--dark] [--presenter] [--no-notes] [--select KIND:ID] [--ledger]"
            + " [--distance] [--predict]"
            + " [--headless] | screenshot --compare A,B --out PATH.png [same options]"
            + " | screenshot [FILE] --practice [QUESTION_ID] [--answer CHOICE [--watch]] [--bank BANK] --out PATH.png"
            + " [same options] | screenshot [FILE] --timed N [--bank BANK] --out PATH.png [same options]";

    static final long DEFAULT_AT_MICROS = 30_000_000;
    static final int DEFAULT_WIDTH = 1600;
    static final int DEFAULT_HEIGHT = 1000;
    static final int MIN_SIZE = 320;
    static final int MAX_SIZE = 8192;

    /** What --select may name, with the form of its ids. */
    static final List<String> SELECT_KINDS = List.of("instance", "segment", "node", "az", "pg", "region");

    /** Everything the window needs to draw the picture. */
    record Request(Scenario scenario, long atMicros, Path out, int width, int height, boolean dark,
            String selectKind, String selectId, boolean headless, boolean ledger, String theme, boolean presenter,
            boolean noNotes, Scenario compare, boolean distance, dev.auroralab.scenario.Lesson lesson,
            int lessonStep, PracticeShot practice, boolean predict) {
        Request(Scenario scenario, long atMicros, Path out, int width, int height, boolean dark, String selectKind,
                String selectId, boolean headless) {
            this(scenario, atMicros, out, width, height, dark, selectKind, selectId, headless, false, null, false,
                    false, null, false, null, 0, null, false);
        }
    }

    /**
     * What came back from the window: null problem means the PNG was written, showing the run at {@code shownMicros}
     * (the time asked for, or where a lesson's step ended).
     */
    record Outcome(String problem, boolean badInput, long shownMicros) {
        static Outcome ok(long shownMicros) {
            return new Outcome(null, false, shownMicros);
        }

        static Outcome badInput(String problem) {
            return new Outcome(problem, true, -1);
        }

        static Outcome failed(String problem) {
            return new Outcome(problem, false, -1);
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs a;
        String practiceId;
        try {
            List<String> rest = new java.util.ArrayList<>(args);
            practiceId = PracticeShot.takePractice(rest);
            Set<String> valued = new java.util.HashSet<>(Set.of("--at", "--out", "--width", "--height", "--select",
                    "--theme", "--compare"));
            valued.addAll(PracticeShot.VALUED);
            Set<String> flags = new java.util.HashSet<>(Set.of("--dark", "--headless", "--ledger", "--presenter",
                    "--no-notes", "--distance", "--predict"));
            flags.addAll(PracticeShot.FLAGS);
            a = CliArgs.parse(rest, valued, flags);
            if (a.positionals.isEmpty() && (practiceId != null || a.options.containsKey("--timed"))) {
                a.positionals.add("healthy-cluster"); // the window's default scenario beside the column
            }
            String compare = a.options.get("--compare");
            if (compare != null) {
                String[] two = compare.split(",", -1);
                if (two.length != 2 || two[0].isBlank() || two[1].isBlank()) {
                    throw new IllegalArgumentException("--compare takes two scenarios, A,B (files or built-in names),"
                            + " got '" + compare + "'");
                }
                if (!a.positionals.isEmpty()) {
                    throw new IllegalArgumentException("with --compare A,B give no other scenario (A is the one shown)");
                }
                a.positionals.add(two[0].strip());
            }
            if (a.positionals.size() != 1) {
                throw new IllegalArgumentException(a.positionals.isEmpty() ? "give a scenario file or built-in name"
                        : "give exactly one scenario file, got " + a.positionals.size());
            }
            if (!a.options.containsKey("--out")) {
                throw new IllegalArgumentException("--out PATH.png is required");
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }

        // predicting starts where the run starts, unless --at says where to look from
        long at = a.options.containsKey("--predict") ? 0 : DEFAULT_AT_MICROS;
        if (a.options.containsKey("--at")) {
            try {
                at = Durations.parseMicros(a.options.get("--at"));
            } catch (IllegalArgumentException e) {
                err.println("aurora-lab screenshot: --at " + e.getMessage());
                return 2;
            }
        }
        int width;
        int height;
        try {
            width = size(a.options.get("--width"), DEFAULT_WIDTH, "--width");
            height = size(a.options.get("--height"), DEFAULT_HEIGHT, "--height");
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab screenshot: " + e.getMessage());
            return 2;
        }

        String kind = null;
        String id = null;
        String select = a.options.get("--select");
        if (select != null) {
            int colon = select.indexOf(':');
            kind = colon < 0 ? select : select.substring(0, colon).toLowerCase(Locale.ROOT);
            id = colon < 0 ? "" : select.substring(colon + 1);
            if (colon < 0 || id.isBlank() || !SELECT_KINDS.contains(kind)) {
                err.println("aurora-lab screenshot: --select '" + select + "' is not KIND:ID. KIND is one of "
                        + String.join(", ", SELECT_KINDS) + ", e.g. instance:writer-1, segment:pg-0/us-east-1b/1, "
                        + "node:sn-us-east-1a-2, az:us-east-1c, pg:pg-0, region:eu-west-1");
                return 2;
            }
        }

        Path outPath = Path.of(a.options.get("--out"));
        String outProblem = outProblem(outPath);
        if (outProblem != null) {
            err.println("aurora-lab screenshot: --out " + outPath + ": " + outProblem);
            return 2;
        }

        PracticeShot practice;
        try {
            practice = PracticeShot.of(practiceId, a.options);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return 2;
        }
        if (practice != null && dev.auroralab.scenario.LessonLink.parse(a.positionals.get(0)).namesLesson()) {
            return usage(err, "a practice picture shows a scenario beside the column, not a lesson");
        }

        Scenario scenario;
        Scenario compared = null;
        dev.auroralab.scenario.Lesson lesson = null;
        int lessonStep = 0;
        try {
            var link = dev.auroralab.scenario.LessonLink.parse(a.positionals.get(0));
            if (link.namesLesson()) {
                // a lesson at a step (NAME#step): the picture a learner sees there, the step taken to its end
                var opened = link.open();
                lesson = opened.lesson();
                lessonStep = opened.step();
            }
            scenario = lesson != null ? lesson.scenario() : scenarioOf(a.positionals.get(0));
            if (a.options.containsKey("--compare")) {
                compared = scenarioOf(a.options.get("--compare").split(",")[1].strip());
            }
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return 2;
        }

        String theme = a.options.get("--theme");
        if (theme != null && a.options.containsKey("--dark") && !theme.equalsIgnoreCase("dark")) {
            err.println("aurora-lab screenshot: --dark and --theme " + theme + " disagree; give one of them");
            return 2;
        }
        Request request = new Request(scenario, at, outPath, width, height, a.options.containsKey("--dark"), kind, id,
                a.options.containsKey("--headless"), a.options.containsKey("--ledger"), theme,
                a.options.containsKey("--presenter"), a.options.containsKey("--no-notes"), compared,
                a.options.containsKey("--distance"), lesson, lessonStep, practice,
                a.options.containsKey("--predict"));
        Outcome outcome;
        try {
            outcome = ScreenshotWindow.render(request);
        } catch (RuntimeException | LinkageError e) {
            err.println("aurora-lab screenshot: could not draw the window: " + describe(e));
            return 1;
        }
        if (outcome.problem() != null) {
            err.println("aurora-lab screenshot: " + outcome.problem());
            return outcome.badInput() ? 2 : 1;
        }
        out.println("wrote " + outPath + " (" + pngSize(outPath, width + "x" + height) + ") at t="
                + Durations.format(outcome.shownMicros()));
        return 0;
    }

    private static int usage(PrintStream err, String message) {
        err.println("aurora-lab screenshot: " + message + "\nusage: " + USAGE);
        return 2;
    }

    private static int size(String text, int fallback, String option) {
        if (text == null) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number of pixels, got '" + text + "'");
        }
        if (v < MIN_SIZE || v > MAX_SIZE) {
            throw new IllegalArgumentException(option + " " + v + " is out of range: use " + MIN_SIZE + " to "
                    + MAX_SIZE + " pixels");
        }
        return v;
    }

    /** Why the PNG cannot go to {@code out}, or null. */
    static String outProblem(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            return "name a .png file, e.g. shot.png";
        }
        if (Files.isDirectory(out)) {
            return "is a folder; name a .png file in it";
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "there is no folder " + dir + " (create it first)";
        }
        if (!Files.isWritable(dir)) {
            return "the folder " + dir + " cannot be written to";
        }
        return null;
    }

    /**
     * A scenario file, or the name of a built-in one ({@code az-plus-one}, also with {@code .yaml}) when no such file
     * exists. Errors are the reader's: file, line, column, what to do.
     */
    static Scenario scenarioOf(String arg) throws ScenarioError {
        return BuiltInScenarios.fileOrBuiltIn(arg);
    }


    /** "1600x1000" as read back from the PNG's header, or the fallback when it cannot be read. */
    static String pngSize(Path png, String fallback) {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return fallback;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return r.getWidth(0) + "x" + r.getHeight(0);
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            return fallback;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
