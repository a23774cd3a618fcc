package dev.auroralab.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command-line registry: maps a verb to a {@link Command} and dispatches to it.
 *
 * <p>Kept free of JavaFX on purpose (an ArchUnit rule checks it): the command-line path must not
 * load the JavaFX toolkit.
 */
public final class Commands {

    /** Exit code for bad usage (unknown command, wrong arguments). */
    public static final int USAGE_ERROR = 2;

    private static final Set<String> HELP_NAMES = Set.of("help", "--help", "-h");

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> summaries = new LinkedHashMap<>();

    /** The commands Aurora Lab ships with, reading standard input (the quiz's answers) from {@code System.in}. */
    public static Commands standard() {
        return standard(() -> System.in);
    }

    /** The commands Aurora Lab ships with; {@code input} is standard input, asked for only by a command that reads it. */
    public static Commands standard(Supplier<InputStream> input) {
        Commands registry = new Commands();
        registry.register("run", RunCommand.USAGE + "   run a scenario (or take a lesson) headless, print a summary",
                new RunCommand());
        registry.register("validate", ValidateCommand.USAGE + "   check scenario, lesson and question bank files (a bank's"
                + " demonstrations are run)",
                new ValidateCommand());
        registry.register("lessons", LessonCommands.LESSONS_USAGE + "   list the built-in course and each lesson's steps",
                new LessonCommands.ListCommand());
        registry.register("myths", MythsCommand.USAGE + "   what people get wrong about Aurora, what is true, and"
                + " the scenario that shows it", new MythsCommand());
        registry.register("quiz", QuizCommand.USAGE + "   exam practice in the terminal: questions on Aurora,"
                + " answered from the keyboard, each with the scenario that shows it", new QuizCommand(input));
        registry.register("why", WhyCommand.USAGE + "   the events behind a state at a moment, newest first (the"
                + " window's Why?)", new WhyCommand());
        registry.register("bench", BenchCommand.USAGE + "   engine speed at the headline load", new BenchCommand());
        // these two draw the window (JavaFX, loaded only when they run), with or without a display
        registry.register("screenshot", ScreenshotCommand.USAGE
                + "   draw the window at a simulated time into a PNG", new ScreenshotCommand());
        registry.register("bench-render", RenderBenchCommand.USAGE
                + "   what a frame of the window costs (software pipeline)", new RenderBenchCommand());
        return registry;
    }

    /**
     * Adds a command.
     *
     * @param name the verb typed on the command line
     * @param summary one line for the usage text: arguments, then what it does
     * @param command what runs
     */
    public Commands register(String name, String summary, Command command) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(command, "command");
        if (HELP_NAMES.contains(name) || commands.containsKey(name)) {
            throw new IllegalArgumentException("command already registered: " + name);
        }
        commands.put(name, command);
        summaries.put(name, summary);
        return this;
    }

    /** The registered commands by name, in registration order. */
    public Map<String, Command> commands() {
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Runs the command named by the first argument.
     *
     * @return the exit code for the process
     */
    public int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || HELP_NAMES.contains(args.get(0))) {
            printUsage(out);
            return 0;
        }
        String name = args.get(0);
        Command command = commands.get(name);
        if (command == null) {
            err.println("aurora-lab: unknown command '" + name + "'");
            err.println("Run 'java -jar aurora-lab.jar --help' to see the commands, or 'java -jar aurora-lab.jar "
                    + WindowArgs.USAGE + "' to open the window on a scenario.");
            return USAGE_ERROR;
        }
        return command.run(List.copyOf(args.subList(1, args.size())), out, err);
    }

    /** Prints the usage text. */
    public void printUsage(PrintStream out) {
        out.println("Aurora Lab: see how Amazon Aurora works.");
        out.println();
        out.println("Usage:");
        String usage = "  %-41s  %s%n";
        out.printf(usage, "java -jar aurora-lab.jar", "open the window");
        out.printf(usage, "java -jar aurora-lab.jar " + WindowArgs.OPTION + " FILE",
                "open the window on FILE (a scenario file or a built-in name)");
        out.printf(usage, "java -jar aurora-lab.jar " + WindowArgs.LESSON + " NAME[#step]",
                "open the window in a lesson, at a step (see: lessons)");
        out.printf(usage, "java -jar aurora-lab.jar <command> [args]", "run a command without a window");
        out.println();
        out.println("Commands:");
        out.println(String.format("  %-12s %s", "help", "show this text (also --help, -h)"));
        summaries.forEach((name, summary) -> out.println(String.format("  %-12s %s", name, summary)));
    }
}
