package dev.auroralab.run;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.scenario.Expectation;
import dev.auroralab.scenario.ExpectationCheck;
import dev.auroralab.scenario.ExpectationResult;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a question bank's demonstrations headless, as the window opens them (the scenario with its own seed, played
 * forward), and checks that each one's {@code shows} holds at its moment and that none of its distractors' claims
 * holds at theirs: the bank can never contradict the engine (issue 15). Questions whose demonstrations share a
 * scenario share one forward run, stopped at every moment any of them needs, in time order; so the built-in bank
 * costs one run per scenario it uses, each only as long as its latest moment.
 */
public final class DemonstrationCheck {

    private DemonstrationCheck() {
    }

    /** What one wrong choice claims, checked: it passes when the claim does not hold. */
    public record Refutation(int choice, ExpectationResult claim) {

        public boolean passed() {
            return !claim.passed();
        }
    }

    /** One question's demonstration, checked. */
    public record Outcome(Question question, ExpectationResult shows, List<Refutation> refutations) {

        public Outcome {
            refutations = List.copyOf(refutations);
        }

        /** Whether the answer holds and no refutable distractor does. */
        public boolean passed() {
            return shows.passed() && refutations.stream().allMatch(Refutation::passed);
        }

        /** What went wrong, one line each: empty when it passed. */
        public List<String> problems() {
            List<String> p = new ArrayList<>();
            if (!shows.passed()) {
                p.add("question " + question.id() + ": the answer is not shown " + shows.message());
            }
            for (Refutation r : refutations) {
                if (!r.passed()) {
                    p.add("question " + question.id() + ": distractor " + (r.choice() + 1) + " ("
                            + Question.letter(r.choice()) + ") holds too " + r.claim().message());
                }
            }
            return p;
        }
    }

    /** Every demonstrated question's outcome, in the bank's order. */
    public static List<Outcome> check(QuestionBank bank) {
        return check(bank.demonstrated());
    }

    /**
     * A question bank file of one's own, read and then checked ({@link #shownByTheEngine}): what the window's "Practise
     * from a question bank file", {@code quiz --bank} and {@code screenshot --bank} open.
     *
     * @throws ScenarioError the reader's located message, or the first question whose demonstration fails
     */
    public static QuestionBank readShownByTheEngine(Path file) throws ScenarioError {
        return shownByTheEngine(QuestionBankReader.read(file));
    }

    /**
     * {@code bank} if the engine shows everything it says; otherwise a located error at the first question that
     * fails, naming every failing check, with how to fix it. A bank of one's own passes this before a learner sees it
     * (the window, {@code quiz --bank}, {@code screenshot --bank}); the built-in bank is checked by the tests.
     *
     * @throws ScenarioError when a demonstration does not show its answer or a refuted distractor holds
     */
    public static QuestionBank shownByTheEngine(QuestionBank bank) throws ScenarioError {
        List<Outcome> failed = check(bank).stream().filter(o -> !o.passed()).toList();
        if (failed.isEmpty()) {
            return bank;
        }
        List<String> lines = new ArrayList<>();
        for (Outcome o : failed) {
            o.problems().forEach(p -> lines.add("line " + o.question().line() + ": " + p));
        }
        throw new ScenarioError(bank.sourceName(), failed.get(0).question().line(), 1,
                "the bank says what the engine does not show (" + lines.size() + " check"
                        + (lines.size() == 1 ? "" : "s") + " failed):\n  " + String.join("\n  ", lines),
                "Fix the answer or its demonstration (its moment or what it shows); `validate` checks the bank");
    }

    /**
     * What a bank says that the engine does not show, one located line each ("mine.yaml:3: question x: the answer is
     * not shown at 15s (line 19): ..."), from {@code outcomes} worked out for {@code bank}: empty when all passed.
     */
    public static List<String> problems(QuestionBank bank, List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            o.problems().forEach(p -> lines.add(bank.sourceName() + ":" + o.question().line() + ": " + p));
        }
        return lines;
    }

    /** One check to make: {@code choice} -1 is the answer's {@code shows}. */
    private record Probe(Question question, int choice, Expectation expectation) {

        long atMicros() {
            return expectation.atMicros();
        }
    }

    /** The outcome of each of these questions' demonstrations (questions without one are left out), in their order. */
    public static List<Outcome> check(List<Question> questions) {
        // one group per scenario object: the reader gives every question that names a scenario the same object
        List<Scenario> scenarios = new ArrayList<>();
        List<List<Probe>> probes = new ArrayList<>();
        for (Question q : questions) {
            if (!q.demonstrated()) {
                continue;
            }
            Scenario s = q.demonstration().scenario();
            int group = indexOfSame(scenarios, s);
            if (group < 0) {
                scenarios.add(s);
                probes.add(new ArrayList<>());
                group = scenarios.size() - 1;
            }
            List<Probe> mine = probes.get(group);
            mine.add(new Probe(q, -1, q.demonstration().shows()));
            q.demonstration().distractors().forEach((choice, claim) -> mine.add(new Probe(q, choice, claim)));
        }
        // by identity: a question's record equality would compare whole scenarios
        Map<Question, ExpectationResult> shows = new IdentityHashMap<>();
        Map<Question, List<Refutation>> refutations = new IdentityHashMap<>();
        for (int g = 0; g < scenarios.size(); g++) {
            Scenario s = scenarios.get(g);
            Run run = Run.forwardOnly(s, s.seed());
            List<Probe> byMoment = new ArrayList<>(probes.get(g));
            byMoment.sort(Comparator.comparingLong(Probe::atMicros));
            EngineSnapshot snap = null;
            for (Probe p : byMoment) {
                if (snap == null || run.nowMicros() != p.atMicros()) {
                    run.playTo(p.atMicros());
                    snap = run.snapshot();
                }
                ExpectationResult r = ExpectationCheck.check(p.expectation(), snap);
                if (p.choice() < 0) {
                    shows.put(p.question(), r);
                } else {
                    refutations.computeIfAbsent(p.question(), q -> new ArrayList<>()).add(new Refutation(p.choice(),
                            r));
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : questions) {
            if (q.demonstrated()) {
                List<Refutation> rs = new ArrayList<>(refutations.getOrDefault(q, List.of()));
                rs.sort(Comparator.comparingInt(Refutation::choice));
                outcomes.add(new Outcome(q, shows.get(q), rs));
            }
        }
        return List.copyOf(outcomes);
    }

    private static int indexOfSame(List<Scenario> scenarios, Scenario s) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i) == s) {
                return i;
            }
        }
        return -1;
    }
}
