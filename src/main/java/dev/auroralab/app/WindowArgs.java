package dev.auroralab.app;

import dev.auroralab.scenario.LessonLink;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.ScenarioError;
import java.util.List;
import java.util.Set;

/**
 * The window's command line, {@code [--scenario FILE [--at D]] | [--lesson NAME[#step]]}, checked before JavaFX starts: a bad file or a typo ends the
 * process with exit code 2 and one message on standard error, never a stack trace or a window with a dialog. Free of
 * JavaFX (the ArchitectureTest checks it), so checking costs no toolkit start.
 *
 * <p>FILE is a scenario file or the name of a built-in scenario ({@code az-plus-one}), resolved as {@code run} and
 * {@code validate} resolve it ({@link BuiltInScenarios#fileOrBuiltIn}). The window reads it again when it starts.
 */
final class WindowArgs {

    static final String OPTION = "--scenario";
    /** Opens the window in a lesson, at a step with {@code NAME#step}. */
    static final String LESSON = "--lesson";
    /** With {@code --scenario}: open it at this moment, paused (what the quiz's "Watch it" lines ask for). */
    static final String AT = "--at";
    static final String USAGE = OPTION + " FILE [" + AT + " D] | " + LESSON + " NAME[#step]";

    private static final Set<String> HELP_NAMES = Set.of("help", "--help", "-h");
    private static final String HOW = "To open the window on a scenario, type: java -jar aurora-lab.jar " + USAGE
            + " (FILE: a .yaml, .yml or .json file, or a built-in name such as " + BuiltInScenarios.DEFAULT
            + "); to see the commands: java -jar aurora-lab.jar --help";

    /**
     * What to do with the arguments: open the window with {@code windowArgs} (an empty list for the default
     * scenario, or {@code --scenario FILE}), or end with {@code exitCode} after printing {@code message}.
     */
    record Outcome(List<String> windowArgs, int exitCode, String message) {
        static Outcome open(List<String> windowArgs) {
            return new Outcome(List.copyOf(windowArgs), 0, null);
        }

        static Outcome refuse(String message) {
            return new Outcome(List.of(), Commands.USAGE_ERROR, message);
        }

        boolean opensTheWindow() {
            return message == null;
        }
    }

    private WindowArgs() {
    }

    /**
     * Whether these arguments are for the window rather than a command: none at all, or options (a first argument
     * starting with '-', other than --help and -h). A first argument without a dash is a command's name.
     */
    static boolean forTheWindow(List<String> args) {
        return args.isEmpty() || (args.get(0).startsWith("-") && !HELP_NAMES.contains(args.get(0)));
    }

    /**
     * Checks the window's arguments and reads the scenario they name.
     *
     * @param args the process arguments, e.g. {@code [--scenario, lose-an-az]} or {@code [--scenario=file.yaml]}
     * @return the window's arguments, or a refusal with exit code 2 and a message: the scenario reader's located
     *     message (file:line:col: what is wrong, how to fix it) for a bad file, or what to type for a usage error
     */
    static Outcome parse(List<String> args) {
        String option = null;
        String scenario = null;
        String at = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(AT) || arg.startsWith(AT + "=")) {
                String v = arg.equals(AT) ? (i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i)
                        : "") : arg.substring(AT.length() + 1);
                if (at != null) {
                    return Outcome.refuse("aurora-lab: " + AT + " is given twice; the window opens at one moment. "
                            + HOW);
                }
                try {
                    Durations.parseMicros(v);
                } catch (RuntimeException e) {
                    return Outcome.refuse("aurora-lab: " + AT + " " + (v.isBlank() ? "needs a moment after it"
                            : "'" + v + "' is not a moment") + " (e.g. 13s, 1.5m, 250ms). " + HOW);
                }
                at = v;
                continue;
            }
            String named = arg.equals(LESSON) || arg.startsWith(LESSON + "=") ? LESSON
                    : arg.equals(OPTION) || arg.startsWith(OPTION + "=") ? OPTION : null;
            String value;
            if (named != null && arg.equals(named)) {
                value = i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "";
            } else if (named != null) {
                value = arg.substring(named.length() + 1);
            } else if (arg.startsWith("-")) {
                return Outcome.refuse("aurora-lab: unknown option '" + arg + "'. " + HOW);
            } else {
                return Outcome.refuse("aurora-lab: unexpected '" + arg + "' (the window takes only " + USAGE + "). "
                        + HOW);
            }
            if (value.isBlank()) {
                return Outcome.refuse("aurora-lab: " + named + (named.equals(LESSON)
                        ? " needs a lesson file or a built-in lesson's name after it (NAME or NAME#step). "
                        : " needs a scenario file or a built-in name after it. ") + HOW);
            }
            if (scenario != null) {
                return Outcome.refuse("aurora-lab: " + (named.equals(option) ? named + " is given twice"
                        : OPTION + " and " + LESSON + " are both given") + "; the window opens one. " + HOW);
            }
            option = named;
            scenario = value;
        }
        if (at != null && !OPTION.equals(option)) {
            return Outcome.refuse("aurora-lab: " + AT + " goes with " + OPTION + " FILE (a lesson sets its own"
                    + " moments: " + LESSON + " NAME#step). " + HOW);
        }
        if (scenario == null) {
            return Outcome.open(List.of());
        }
        try {
            if (option.equals(LESSON)) {
                LessonLink.parse(scenario).open();
            } else {
                BuiltInScenarios.fileOrBuiltIn(scenario);
            }
        } catch (ScenarioError e) {
            return Outcome.refuse(e.getMessage());
        }
        return Outcome.open(at == null ? List.of(option, scenario) : List.of(option, scenario, AT, at));
    }
}
