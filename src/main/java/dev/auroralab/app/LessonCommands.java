package dev.auroralab.app;

import dev.auroralab.run.ClockText;
import dev.auroralab.run.LessonRun;
import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Lesson;
import dev.auroralab.scenario.LessonLink;
import dev.auroralab.scenario.ScenarioError;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run}, {@code validate} and {@code lessons} do with lessons: a file with {@code steps:} or the name of a
 * built-in lesson, optionally with {@code #step}.
 */
final class LessonCommands {

    static final String LESSONS_USAGE = "lessons";

    private LessonCommands() {
    }

    /**
     * {@code run LESSON}: every step taken to its end as Continue would; exit 0 when each step's actions were taken
     * and its condition held, 1 when one did not, 2 for a file that cannot be read.
     */
    static int run(String arg, Long seed, PrintStream out, PrintStream err) {
        Lesson lesson;
        try {
            lesson = LessonLink.parse(arg).open().lesson(); // a deep link to a step it lacks is bad input too
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return 2;
        }
        long usedSeed = seed != null ? seed : lesson.scenario().seed();
        out.printf(Locale.ROOT, "%s  (lesson %s on scenario '%s', seed %d, %d steps)%n", lesson.title(), lesson.id(),
                lesson.scenario().name(), usedSeed, lesson.steps().size());
        List<LessonRun.StepResult> results = LessonRun.play(lesson, usedSeed);
        int width = lesson.steps().stream().mapToInt(s -> s.id().length()).max().orElse(0);
        int failed = 0;
        for (LessonRun.StepResult r : results) {
            out.printf(Locale.ROOT, "  %s %2d %-" + width + "s  %s -> %s  %s%n", r.passed() ? "PASS" : "FAIL",
                    r.index() + 1, r.step().id(), ClockText.of(r.startMicros()), ClockText.of(r.endMicros()),
                    endText(r.step().end()));
            for (String refused : r.refused()) {
                out.println("       refused: " + refused);
            }
            if (r.timedOut() != null) {
                out.println("       " + r.timedOut());
            }
            failed += r.passed() ? 0 : 1;
        }
        out.println(failed == 0 ? "every step reached its end" : failed + " of " + results.size()
                + " steps did not (a step fails when the engine refuses one of its actions or its condition never"
                + " holds in time)");
        return failed == 0 ? 0 : 1;
    }

    /** {@code validate LESSON}: one line for a good lesson. */
    static void describe(String arg, Lesson l, PrintStream out) {
        long actions = l.steps().stream().mapToLong(s -> s.actions().size()).sum();
        long questions = l.steps().stream().filter(s -> s.question() != null).count();
        out.println(arg + ": OK (lesson " + l.title() + ": " + l.steps().size() + " steps on scenario '"
                + l.scenario().name() + "', " + actions + " actions, " + questions + " questions)");
    }

    /** How a step ends, in words. */
    static String endText(Lesson.End end) {
        if (end instanceof Lesson.End.At at) {
            return "at " + Durations.format(at.atMicros());
        }
        if (end instanceof Lesson.End.After after) {
            return "after " + Durations.format(after.afterMicros());
        }
        if (end instanceof Lesson.End.When when) {
            return "when " + when.text();
        }
        return "on Continue";
    }

    /** {@code lessons}: the built-in course, in order, with each lesson's steps for deep links. */
    static final class ListCommand implements Command {
        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            if (!args.isEmpty()) {
                err.println("aurora-lab lessons: takes no arguments\nusage: " + LESSONS_USAGE);
                return 2;
            }
            out.println("The built-in course (open one in the window: aurora-lab --lesson NAME or NAME#STEP;"
                    + " check one headless: aurora-lab run NAME)");
            int n = 1;
            for (String name : BuiltInLessons.NAMES) {
                try {
                    Lesson l = BuiltInLessons.load(name);
                    out.printf(Locale.ROOT, "%2d. %-28s %s (%d steps)%n", n++, name, l.title(), l.steps().size());
                    out.println("      steps: " + String.join(", ", l.steps().stream().map(Lesson.Step::id).toList()));
                } catch (ScenarioError e) {
                    err.println(e.getMessage());
                    return 1;
                }
            }
            return 0;
        }
    }
}
