package dev.auroralab.app;

import dev.auroralab.exam.Demonstration;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.exam.Scorecard;
import dev.auroralab.exam.Tally;
import dev.auroralab.run.ClockText;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code quiz}: exam practice in a terminal, for studying without a display (issue 15). {@code quiz --list} prints
 * the bank; {@code quiz [--domain NAME] [--count N] [--seed S] [--bank FILE]} asks questions read from standard input
 * (1-4 or A-D, q to quit), says right or wrong with the explanation, its sources and how to watch the engine show it,
 * and ends with a score per domain; {@code quiz --scenario-of ID} prints a question's demonstration scenario as a
 * scenario file. Exit 0, or 2 for bad usage or a bank file that cannot be read.
 */
final class QuizCommand implements Command {

    static final String USAGE = "quiz [--list] [--domain NAME] [--count N] [--seed S] [--bank FILE]"
            + " | quiz --scenario-of ID";
    /** Questions asked when --count is not given. */
    static final int DEFAULT_COUNT = 10;
    /** Text is wrapped to this many columns, as the myth cards are. */
    static final int WIDTH = MythsCommand.WIDTH;
    private static final String JAR = "java -jar aurora-lab.jar";

    private final Supplier<InputStream> input;

    /** @param input standard input, asked for only when a quiz starts */
    QuizCommand(Supplier<InputStream> input) {
        this.input = input;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs a;
        try {
            a = CliArgs.parse(args, Set.of("--domain", "--count", "--seed", "--bank", "--scenario-of"),
                    Set.of("--list"));
            if (!a.positionals.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + a.positionals.get(0) + "'");
            }
            if (a.options.containsKey("--list") || a.options.containsKey("--scenario-of")) {
                for (String quizOnly : List.of("--count", "--seed")) {
                    if (a.options.containsKey(quizOnly)) {
                        throw new IllegalArgumentException(quizOnly + " is for a quiz, not for "
                                + (a.options.containsKey("--list") ? "--list" : "--scenario-of"));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Domain domain = null;
        if (a.options.containsKey("--domain")) {
            domain = Domain.ofWord(a.options.get("--domain")).orElse(null);
            if (domain == null) {
                err.println("aurora-lab quiz: unknown domain '" + a.options.get("--domain") + "'. Use one of: "
                        + String.join(", ", Domain.words()));
                return Commands.USAGE_ERROR;
            }
        }
        int count = DEFAULT_COUNT;
        if (a.options.containsKey("--count")) {
            String c = a.options.get("--count");
            try {
                count = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                err.println("aurora-lab quiz: --count takes a whole number of questions, 1 or more; got '" + c + "'");
                return Commands.USAGE_ERROR;
            }
        }
        long seed;
        try {
            seed = a.options.containsKey("--seed") ? Long.parseLong(a.options.get("--seed")) : freshSeed();
        } catch (NumberFormatException e) {
            err.println("aurora-lab quiz: --seed takes a whole number, got '" + a.options.get("--seed") + "'");
            return Commands.USAGE_ERROR;
        }
        QuestionBank bank;
        try {
            // a bank of one's own is taught only if the engine shows what it says: a question whose Watch it would
            // contradict its answer must not reach a learner (the built-in bank is checked by the tests)
            bank = a.options.containsKey("--bank") ? dev.auroralab.run.DemonstrationCheck.readShownByTheEngine(
                    Path.of(a.options.get("--bank"))) : QuestionBankReader.builtIn();
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return Commands.USAGE_ERROR;
        }
        if (a.options.containsKey("--scenario-of")) {
            return scenarioOf(bank, a.options.get("--scenario-of"), out, err);
        }
        if (a.options.containsKey("--list")) {
            list(bank, domain, out);
            return 0;
        }
        List<Question> questions = bank.draw(domain, count, seed);
        if (questions.isEmpty()) {
            err.println("aurora-lab quiz: the bank has no " + domain.word() + " questions");
            return Commands.USAGE_ERROR;
        }
        String bankOption = a.options.containsKey("--bank") ? " --bank " + a.options.get("--bank") : "";
        return ask(bank, domain, questions, count, seed, bankOption, out);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("aurora-lab quiz: " + problem + "\nusage: " + USAGE);
        return Commands.USAGE_ERROR;
    }

    /** A seed for a quiz that names none: printed, so the same quiz can be taken again with --seed. */
    private static long freshSeed() {
        return Math.floorMod(System.nanoTime() ^ System.currentTimeMillis(), 1_000_000L);
    }

    // ---- --list ----------------------------------------------------------------------------------------------------

    static void list(QuestionBank bank, Domain only, PrintStream out) {
        List<Question> questions = only == null ? bank.questions() : bank.inDomain(only);
        int idWidth = questions.stream().mapToInt(q -> q.id().length()).max().orElse(2);
        int domainWidth = questions.stream().mapToInt(q -> q.domain().word().length()).max().orElse(6);
        String row = "%-" + idWidth + "s  %-" + domainWidth + "s  %-" + examsWidth(questions) + "s  %s%n";
        for (Question q : questions) {
            out.printf(Locale.ROOT, row, q.id(), q.domain().word(), exams(q), q.demonstrated() ? "demonstrated"
                    : "stated");
        }
        out.println();
        int demonstrated = (int) questions.stream().filter(Question::demonstrated).count();
        out.printf(Locale.ROOT, "%d questions, %d demonstrated, %d stated (%s)%n", questions.size(), demonstrated,
                questions.size() - demonstrated, bank.sourceName());
        for (QuestionBank.DomainCount c : bank.counts()) {
            if (only == null || c.domain() == only) {
                out.printf(Locale.ROOT, "  %-24s %3d questions, %3d demonstrated, %3d stated%n", c.domain().word(),
                        c.questions(), c.demonstrated(), c.stated());
            }
        }
    }

    private static String exams(Question q) {
        return q.exams().stream().map(e -> e.code()).collect(Collectors.joining(","));
    }

    private static int examsWidth(List<Question> questions) {
        return questions.stream().mapToInt(q -> exams(q).length()).max().orElse(5);
    }

    // ---- --scenario-of ---------------------------------------------------------------------------------------------

    private static int scenarioOf(QuestionBank bank, String id, PrintStream out, PrintStream err) {
        Question q = bank.byId(id).orElse(null);
        if (q == null) {
            err.println("aurora-lab quiz: no question '" + id + "' in " + bank.sourceName()
                    + " (quiz --list shows the ids)");
            return Commands.USAGE_ERROR;
        }
        if (!q.demonstrated()) {
            err.println("aurora-lab quiz: question '" + id + "' is stated: the engine has no demonstration of it");
            return Commands.USAGE_ERROR;
        }
        out.print(ScenarioWriter.toYaml(q.demonstration().scenario(), List.of()));
        return 0;
    }

    // ---- the quiz --------------------------------------------------------------------------------------------------

    private int ask(QuestionBank bank, Domain domain, List<Question> questions, int count, long seed,
            String bankOption, PrintStream out) {
        out.printf(Locale.ROOT, "Aurora Lab quiz: %d question%s from %s, %s, seed %d.%n", questions.size(),
                questions.size() == 1 ? "" : "s", bank.sourceName(), domain == null ? "every domain"
                        : domain.title(), seed);
        if (questions.size() < count) {
            out.printf(Locale.ROOT, "(the bank has only %d%s; you asked for %d)%n", questions.size(),
                    domain == null ? "" : " in this domain", count);
        }
        out.println("Answer with the choice's number or letter; q quits. Take the same quiz again with --seed "
                + seed + ".");
        Scorecard card = new Scorecard();
        BufferedReader in = new BufferedReader(new InputStreamReader(input.get(), StandardCharsets.UTF_8));
        int n = 0;
        for (Question q : questions) {
            n++;
            out.println();
            out.printf(Locale.ROOT, "Question %d of %d  [%s; %s]%n", n, questions.size(), q.domain().title(),
                    q.exams().stream().map(e -> e.code()).collect(Collectors.joining(", ")));
            wrap(out, "", q.ask());
            for (int i = 0; i < q.choices().size(); i++) {
                wrap(out, "  " + Question.letter(i) + ") ", q.choices().get(i));
            }
            int choice = answer(q, in, out);
            if (choice < 0) {
                out.println();
                out.println("Stopped after " + card.total().asked() + " of " + questions.size() + " questions.");
                break;
            }
            boolean right = card.record(q, choice);
            if (right) {
                out.println("Right.");
            } else {
                wrap(out, "Wrong: ", "the answer is " + Question.letter(q.answer()) + ") " + q.answerText());
            }
            wrap(out, "Why: ", q.explanation());
            wrap(out, "Sources: ", String.join(", ", q.sources()));
            q.whatChanged().ifPresent(c -> wrap(out, "What changed: ", c));
            q.shownBy().ifPresentOrElse(d -> wrap(out, "Watch it: ", watchIt(q, d, bankOption)),
                    () -> out.println("Stated: the engine cannot show this one yet."));
        }
        out.println();
        score(card, out);
        return 0;
    }

    /** The learner's choice (0-based), asking again until it is one; -1 to stop (q, or the end of the input). */
    private static int answer(Question q, BufferedReader in, PrintStream out) {
        int last = q.choices().size() - 1;
        String range = "1-" + (last + 1) + " or A-" + Question.letter(last);
        while (true) {
            out.print("Your answer (" + range + ", q to quit): ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                return -1;
            }
            if (line.strip().equalsIgnoreCase("q") || line.strip().equalsIgnoreCase("quit")) {
                return -1;
            }
            int choice = q.choiceTyped(line);
            if (choice >= 0) {
                return choice;
            }
            out.println("'" + line.strip() + "' is not a choice: answer " + range + ", or q to quit.");
        }
    }

    /**
     * How to see the demonstration: the window or a screenshot, at its moment, with its first element selected. A
     * scenario written in the bank is saved first ({@code bankOption}: " --bank FILE" or "" for the built-in bank).
     */
    static String watchIt(Question q, Demonstration d, String bankOption) {
        String at = Durations.format(d.atMicros());
        String select = d.highlight().isEmpty() ? "" : " --select " + d.highlight().get(0);
        String file = d.builtIn() ? d.scenarioName() : (d.scenarioName() != null ? d.scenarioName() : q.id())
                + ".yaml";
        String save = d.builtIn() ? "" : "save the scenario with `" + JAR + " quiz" + bankOption + " --scenario-of "
                + q.id() + " > " + file + "`, then ";
        return save + "open `" + JAR + " --scenario " + file + " --at " + at + "` (the window opens there, paused at "
                + ClockText.of(d.atMicros()) + "), or draw it: `" + JAR + " screenshot " + file + " --at " + at + select
                + " --out " + q.id() + ".png`";
    }

    private static void score(Scorecard card, PrintStream out) {
        Tally total = card.total();
        if (total.asked() == 0) {
            out.println("No answers, no score.");
            return;
        }
        out.printf(Locale.ROOT, "Score: %d of %d right (%d%%)%n", total.right(), total.asked(),
                Math.round(100.0 * total.right() / total.asked()));
        for (Map.Entry<Domain, Tally> e : card.byDomain().entrySet()) {
            out.printf(Locale.ROOT, "  %-32s %d of %d%n", e.getKey().title(), e.getValue().right(),
                    e.getValue().asked());
        }
        List<Question> missed = card.missed();
        if (!missed.isEmpty()) {
            out.println("Missed: " + missed.stream().map(Question::id).collect(Collectors.joining(", ")));
        }
    }

    /** "label text", wrapped at {@link #WIDTH} with the continuation lines under the text. */
    private static void wrap(PrintStream out, String label, String text) {
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        boolean first = true;
        for (String word : text.strip().split("\\s+")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent).append(word);
            } else {
                line.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        out.println(line);
    }
}
