package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.isNull;
import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.exam.Demonstration;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Exam;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.exam.Sources;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a question bank file's located tree and maps it to an {@link QuestionBank}: its own scenarios, then each
 * question, whose demonstration is checked against its scenario with the lesson format's readers (element
 * references, the expectation keys of {@code when:}). The first problem is thrown as a {@link ScenarioError} at the
 * offending key or value. The format is described in docs/question-bank-format.md.
 */
final class QuestionBankMapper {

    static final int SCHEMA_VERSION = 1;

    private static final List<String> TOP_KEYS = List.of("schemaVersion", "title", "description", "scenarios",
            "questions");
    private static final List<String> QUESTION_KEYS = List.of("id", "domain", "exams", "ask", "choices", "answer",
            "explanation", "sources", "changed", "demonstration");
    private static final List<String> DEMONSTRATION_KEYS = List.of("scenario", "at", "highlight", "shows",
            "distractors");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String source;
    private final NodeReader read;
    /** The bank's own scenarios ({@code scenarios:}), by name. */
    private final Map<String, Scenario> own = new LinkedHashMap<>();
    /** Built-in scenarios read so far: questions that name the same one share it (and a check shares its run). */
    private final Map<String, Scenario> builtIns = new HashMap<>();

    QuestionBankMapper(String source) {
        this.source = source;
        this.read = new NodeReader(source);
    }

    /** Whether a file's tree is a question bank (it has {@code questions:}) rather than a scenario or a lesson. */
    static boolean isQuestionBank(Node root) {
        return root instanceof MapNode m && m.has("questions");
    }

    QuestionBank map(Node root) throws ScenarioError {
        MapNode top = read.map(root, "the question bank", "Write keys like schemaVersion and questions at the top"
                + " level");
        read.schemaVersion(top, "the question bank", "question banks with ", SCHEMA_VERSION);
        read.allowOnly(top, TOP_KEYS, "at the top level of a question bank");
        if (top.has("title")) {
            read.freeText(top.get("title"), "title");
        }
        if (top.has("description")) {
            read.freeText(top.get("description"), "description");
        }
        if (top.has("scenarios") && !isNull(top.get("scenarios"))) {
            ownScenarios(read.map(top.get("scenarios"), "scenarios", "Write scenarios: {no-replica: {schemaVersion:"
                    + " 1, cluster: {...}}}"));
        }
        ListNode list = read.list(read.required(top, "questions", "the question bank"), "questions",
                "Write questions: [{id: ..., domain: storage, exams: [saa-c03], ask: ..., choices: [...], answer: 1,"
                        + " explanation: ..., sources: [P17 §2.1]}]");
        if (list.items().isEmpty()) {
            throw read.error(list, "the bank has no questions", "Add at least one question");
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (Node item : list.items()) {
            Question q = question(item);
            Integer first = idLines.putIfAbsent(q.id(), q.line());
            if (first != null) {
                throw read.error(((MapNode) item).get("id"), "question id '" + q.id() + "' is used twice (first on"
                        + " line " + first + ")", "Give every question its own id: a learner's record names it");
            }
            questions.add(q);
        }
        return new QuestionBank(source, questions);
    }

    private void ownScenarios(MapNode m) throws ScenarioError {
        for (LocatedTree.Entry e : m.entries().values()) {
            String name = e.key().name();
            if (!ID.matcher(name).matches()) {
                throw read.error(e.key(), "scenario name '" + name + "' is not lower-case words joined by hyphens",
                        "Write e.g. no-replica: {schemaVersion: 1, ...}");
            }
            if (BuiltInScenarios.NAMES.contains(name) || BuiltInScenarios.LARGE.contains(name)) {
                throw read.error(e.key(), "'" + name + "' is the name of a built-in scenario",
                        "Give the bank's own scenario another name, or use the built-in one by its name");
            }
            Scenario s = new ScenarioMapper(source).map(read.map(e.value(), "scenario '" + name + "'",
                    "Write a whole scenario: {schemaVersion: 1, cluster: {...}, timeline: [...]}"));
            own.put(name, named(s, name));
        }
    }

    /** An unnamed scenario in the bank takes the name it is known by, not the bank's file name. */
    private Scenario named(Scenario s, String name) {
        if (!s.name().equals(source)) {
            return s;
        }
        return new Scenario(name, s.description(), s.seed(), s.durationMicros(), s.cluster(), s.timeline(),
                s.expectations(), s.sourceName());
    }

    private Question question(Node item) throws ScenarioError {
        MapNode m = read.map(item, "a question", "Write e.g. {id: six-copies, domain: storage, exams: [saa-c03],"
                + " ask: ..., choices: [...], answer: 1, explanation: ..., sources: [P17 §2.1]}");
        read.allowOnly(m, QUESTION_KEYS, "in a question");
        Node idNode = read.required(m, "id", "this question");
        String id = read.text(idNode, "id");
        if (!ID.matcher(id).matches()) {
            throw read.error(idNode, "question id '" + id + "' is not lower-case words joined by hyphens",
                    "Write e.g. id: az-plus-one-writes-stop");
        }
        String where = "question '" + id + "'";
        Domain domain = Domain.ofWord(read.oneOf(read.required(m, "domain", where), "domain", Domain.words(),
                "domain")).orElseThrow();
        List<Exam> exams = exams(read.required(m, "exams", where));
        String ask = nonBlank(read.required(m, "ask", where), "ask", "Write the question");
        ListNode choiceList = read.list(read.required(m, "choices", where), "choices",
                "Write choices: [first, second, third, fourth]");
        int n = choiceList.items().size();
        if (n < Question.MIN_CHOICES || n > Question.MAX_CHOICES) {
            throw read.error(choiceList, "a question has " + Question.MIN_CHOICES + " to " + Question.MAX_CHOICES
                    + " choices, not " + n, "Give one right answer and one to four plausible wrong ones (four"
                            + " choices in all, as the exams do)");
        }
        List<String> choices = new ArrayList<>();
        for (Node c : choiceList.items()) {
            String text = nonBlank(c, "a choice", "Write the choice's text").strip();
            if (choices.contains(text)) {
                throw read.error(c, "this choice is the same as choice " + (choices.indexOf(text) + 1),
                        "Make every choice different");
            }
            choices.add(text);
        }
        int answer = (int) read.wholeIn(read.required(m, "answer", where), "answer", 1, n,
                "Give the number of the right choice, counting from 1") - 1;
        String explanation = nonBlank(read.required(m, "explanation", where), "explanation",
                "Say why the answer is right, with the numbers the sources give");
        List<String> sources = sources(read.required(m, "sources", where));
        String changed = m.has("changed") ? nonBlank(m.get("changed"), "changed",
                "Say what changed and when, or remove the line") : null;
        Demonstration demonstration = m.has("demonstration") && !isNull(m.get("demonstration"))
                ? demonstration(m.get("demonstration"), id, answer, n) : null;
        return new Question(id, domain, exams, ask.strip(), choices, answer, explanation.strip(), sources,
                changed == null ? null : changed.strip(), demonstration, m.line());
    }

    private String nonBlank(Node node, String what, String fix) throws ScenarioError {
        String text = read.freeText(node, what);
        if (text.isBlank()) {
            throw read.error(node, what + " is empty", fix);
        }
        return text;
    }

    private List<Exam> exams(Node node) throws ScenarioError {
        ListNode list = read.list(node, "exams", "Write exams: [saa-c03, sap-c02]");
        if (list.items().isEmpty()) {
            throw read.error(list, "exams lists no exam", "Name the exams the question serves: "
                    + String.join(", ", Exam.words()));
        }
        List<Exam> exams = new ArrayList<>();
        for (Node e : list.items()) {
            String word = read.text(e, "an exam");
            Exam exam = Exam.ofWord(word).orElse(null);
            if (exam == null) {
                throw read.error(e, "unknown exam '" + word + "'", useOneOf(word, Exam.words()));
            }
            if (exams.contains(exam)) {
                throw read.error(e, "exam " + exam.word() + " is listed twice", "Name each exam once");
            }
            exams.add(exam);
        }
        return exams;
    }

    private List<String> sources(Node node) throws ScenarioError {
        ListNode list = read.list(node, "sources", "Write sources: [P17 §2.1, UG Concepts.AuroraHighAvailability]");
        if (list.items().isEmpty()) {
            throw read.error(list, "sources lists no source", "Say where the explanation's facts come from, e.g."
                    + " [P17 §2.1] or [model value]");
        }
        List<String> sources = new ArrayList<>();
        for (Node s : list.items()) {
            String text = nonBlank(s, "a source", "Write a source tag, e.g. P17 §2.1").strip();
            if (Sources.tagOf(text) == null) {
                throw read.error(s, "source '" + text + "' does not start with a known tag",
                        "Start it with one of: " + String.join(", ", Sources.TAGS.keySet())
                                + " (aurora-reference.md's tags), e.g. 'P17 §2.1' or 'UG aurora-global-database'");
            }
            sources.add(text);
        }
        return sources;
    }

    private Demonstration demonstration(Node node, String questionId, int answer, int choiceCount)
            throws ScenarioError {
        MapNode m = read.map(node, "demonstration", "Write demonstration: {scenario: lose-an-az, at: 15s, shows:"
                + " {writable: true}}");
        read.allowOnly(m, DEMONSTRATION_KEYS, "in a demonstration");
        Node scenarioNode = read.required(m, "scenario", "the demonstration");
        String name = null;
        boolean builtIn = false;
        Scenario scenario;
        if (scenarioNode instanceof MapNode inline) {
            scenario = named(new ScenarioMapper(source).map(inline), "question " + questionId);
        } else {
            name = read.text(scenarioNode, "scenario").replaceFirst("\\.ya?ml$", "");
            scenario = own.get(name);
            if (scenario == null) {
                scenario = builtIn(scenarioNode, name);
                builtIn = true;
            }
        }
        ScenarioMapper.Declared declared = ScenarioMapper.Declared.of(scenario);
        Set<String> everInstance = ScenarioMapper.Declared.everInstance(scenario);
        ExpectationMapper conditions = new ExpectationMapper(read, declared);
        ElementRefs elements = new ElementRefs(read, declared, new TimelineMapper(read, declared), everInstance);

        long at = read.atTime(read.required(m, "at", "the demonstration"), scenario.durationMicros());
        List<String> highlight = m.has("highlight") && !isNull(m.get("highlight"))
                ? elements.highlight(m.get("highlight"), scenario.cluster().azs().get(0)) : List.of();
        Expectation shows = atMoment(conditions.condition(read.required(m, "shows", "the demonstration"),
                everInstance), at);
        Map<Integer, Expectation> distractors = new LinkedHashMap<>();
        if (m.has("distractors") && !isNull(m.get("distractors"))) {
            MapNode d = read.map(m.get("distractors"), "distractors", "Write distractors: {2: {writable: false}}:"
                    + " each wrong choice's number and what it claims, which must not hold at the moment");
            for (LocatedTree.Entry e : d.entries().values()) {
                int choice = choiceNumber(e.key(), answer, choiceCount);
                distractors.put(choice, claim(e.value(), at, scenario, conditions, everInstance));
            }
        }
        return new Demonstration(name, scenario, builtIn, at, highlight, shows, distractors);
    }

    /**
     * What a distractor claims: a condition, checked at the demonstration's moment or at its own {@code at:} (a claim
     * such as "there is no interruption" is refuted earlier than the answer is shown).
     */
    private Expectation claim(Node node, long moment, Scenario scenario, ExpectationMapper conditions,
            Set<String> everInstance) throws ScenarioError {
        MapNode m = read.map(node, "a distractor's claim", "Write e.g. {writable: false} or {at: 15s, writable:"
                + " true}");
        if (!m.has("at")) {
            return atMoment(conditions.condition(m, everInstance), moment);
        }
        long at = read.atTime(m.get("at"), scenario.durationMicros());
        Map<String, LocatedTree.Entry> rest = new LinkedHashMap<>(m.entries());
        rest.remove("at");
        return atMoment(conditions.condition(new MapNode(rest, m.line(), m.column()), everInstance), at);
    }

    private Scenario builtIn(Node at, String name) throws ScenarioError {
        Scenario cached = builtIns.get(name);
        if (cached != null) {
            return cached;
        }
        if (!BuiltInScenarios.NAMES.contains(name) && !BuiltInScenarios.LARGE.contains(name)) {
            List<String> known = new ArrayList<>(own.keySet());
            known.addAll(BuiltInScenarios.NAMES);
            throw read.error(at, "'" + name + "' is neither a built-in scenario nor one of the bank's scenarios",
                    useOneOf(name, known) + ", or write the scenario inline");
        }
        Scenario s = BuiltInScenarios.load(name);
        builtIns.put(name, s);
        return s;
    }

    /** A distractor's key: the number of a wrong choice, counting from 1; returned 0-based. */
    private int choiceNumber(LocatedTree.Key key, int answer, int choiceCount) throws ScenarioError {
        String k = key.name().strip();
        int n;
        try {
            n = k.matches("[0-9]{1,2}") ? Integer.parseInt(k) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > choiceCount) {
            throw read.error(key, "'" + k + "' is not the number of a choice", "Key each distractor by its choice's"
                    + " number, from 1 to " + choiceCount);
        }
        if (n - 1 == answer) {
            throw read.error(key, "choice " + n + " is the answer, not a distractor", "Check the answer's number,"
                    + " or refute a wrong choice");
        }
        return n - 1;
    }

    /**
     * A condition checked at one moment: it says that moment in messages ("at 13s (line 40): ..."). Every check
     * comes along, those on what moves (replica lag, the failover phase, the cluster endpoint, ...) included.
     */
    private static Expectation atMoment(Expectation e, long at) {
        return new Expectation(at, Durations.format(at), e.writable(), e.readable(), e.writerSpecified(), e.writer(),
                e.pg(), e.writeQuorum(), e.readQuorum(), e.segmentsUp(), e.acknowledgedWritesLost(),
                e.acknowledgedWritesLostAtLeast(), e.writesPending(), e.writesFailed(), e.global(), e.live(), e.line());
    }
}
