package dev.auroralab.app;

import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.ScenarioError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code screenshot --practice [QUESTION_ID]} (or {@code --timed N}) draws in the practice column: a question,
 * answered ({@code --answer B}) and watched ({@code --watch}), or a timed set taken to its result. Checked here,
 * before the toolkit starts; the window side is in {@link ScreenshotWindow}. A screenshot never touches the learner's
 * record: it records into a file of its own that is deleted afterwards.
 *
 * @param bank the questions (the built-in bank, or {@code --bank FILE})
 * @param question the question to show first, or null for the first in a fresh record's order
 * @param answer the choice to answer it with (0-based), or -1
 * @param watch whether to open its demonstration (Watch it)
 * @param timed the size of a timed set to take to its result, or 0
 */
record PracticeShot(QuestionBank bank, Question question, int answer, boolean watch, int timed) {

    static final List<String> VALUED = List.of("--bank", "--answer", "--timed");
    static final List<String> FLAGS = List.of("--watch");
    /** A set taken by the command is answered right but for every third question, 75 s a question. */
    static final int MISS_EVERY = 3;
    static final long NANOS_PER_QUESTION = 75_000_000_000L;

    /**
     * Takes {@code --practice} and its optional question id out of {@code args} (the id is the next argument unless
     * that is an option): returns the id ("" for none), or null when {@code --practice} is not there.
     */
    static String takePractice(List<String> args) {
        int at = args.indexOf("--practice");
        if (at < 0) {
            return null;
        }
        args.remove(at);
        return at < args.size() && !args.get(at).startsWith("--") ? args.remove(at) : "";
    }

    /**
     * The practice picture the options ask for, or null when they ask for none.
     *
     * @throws IllegalArgumentException for options that do not fit together or name nothing in the bank (a usage
     *     error: the message says what to write)
     * @throws ScenarioError when the bank file cannot be read (its located message)
     */
    static PracticeShot of(String practiceId, Map<String, String> options) throws ScenarioError {
        boolean any = practiceId != null || options.containsKey("--timed");
        if (!any) {
            for (String o : VALUED) {
                if (options.containsKey(o)) {
                    throw new IllegalArgumentException(o + " goes with --practice or --timed");
                }
            }
            if (options.containsKey("--watch")) {
                throw new IllegalArgumentException("--watch goes with --practice QUESTION_ID --answer CHOICE");
            }
            return null;
        }
        if (practiceId != null && options.containsKey("--timed")) {
            throw new IllegalArgumentException("give --practice or --timed N, not both");
        }
        QuestionBank bank = options.containsKey("--bank") ? dev.auroralab.run.DemonstrationCheck.readShownByTheEngine(
                Path.of(options.get("--bank")))
                : QuestionBankReader.builtIn();
        if (options.containsKey("--timed")) {
            int n;
            try {
                n = Integer.parseInt(options.get("--timed").strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > bank.size()) {
                throw new IllegalArgumentException("--timed takes a number of questions from 1 to " + bank.size()
                        + ", got '" + options.get("--timed") + "'");
            }
            if (options.containsKey("--answer") || options.containsKey("--watch")) {
                throw new IllegalArgumentException("--answer and --watch go with --practice, not --timed (the set is"
                        + " answered right but for every " + MISS_EVERY + "rd question)");
            }
            return new PracticeShot(bank, null, -1, false, n);
        }
        Question q = null;
        if (!practiceId.isEmpty()) {
            q = bank.byId(practiceId).orElse(null);
            if (q == null) {
                List<String> ids = new ArrayList<>();
                bank.questions().stream().limit(8).forEach(x -> ids.add(x.id()));
                throw new IllegalArgumentException("--practice: there is no question '" + practiceId + "' in "
                        + bank.sourceName() + ". Its ids are like " + String.join(", ", ids) + " (quiz --list prints"
                        + " them all)");
            }
        }
        int answer = -1;
        if (options.containsKey("--answer")) {
            Question shown = q != null ? q : bank.questions().get(0);
            answer = shown.choiceTyped(options.get("--answer"));
            if (answer < 0) {
                throw new IllegalArgumentException("--answer '" + options.get("--answer") + "': give a choice of "
                        + shown.id() + ", 1 to " + shown.choices().size() + " or A to "
                        + Question.letter(shown.choices().size() - 1));
            }
        }
        boolean watch = options.containsKey("--watch");
        if (watch && (q == null || answer < 0 || !q.demonstrated())) {
            throw new IllegalArgumentException("--watch needs --practice QUESTION_ID of a demonstrated question and"
                    + " --answer CHOICE (Watch it follows an answer)");
        }
        return new PracticeShot(bank, q, answer, watch, 0);
    }
}
