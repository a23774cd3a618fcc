package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.isNull;
import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a lesson file's located tree and maps it to a {@link Lesson}: the scenario it runs (a built-in name, a file
 * beside the lesson, or written inline), then each step, whose actions, conditions and elements are checked against
 * that scenario with the scenario format's own readers. The first problem is thrown as a {@link ScenarioError} at the
 * offending key or value. The format is described in docs/lesson-format.md.
 */
final class LessonMapper {

    static final int SCHEMA_VERSION = 1;
    /** How long a step's condition may take before a run of the lesson says it never held. */
    static final long DEFAULT_WITHIN_MICROS = 120_000_000;

    private static final List<String> TOP_KEYS = List.of("schemaVersion", "title", "description", "scenario", "steps");
    private static final List<String> STEP_KEYS = List.of("id", "title", "caption", "sources", "do", "highlight",
            "until", "pause", "speed", "myth", "question");
    private static final List<String> UNTIL_KEYS = List.of("at", "after", "when", "within");
    private static final List<String> QUESTION_KEYS = List.of("ask", "choices", "answer", "explain");
    private static final Pattern STEP_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String source;
    private final NodeReader read;
    /** The directory a {@code scenario:} file name is read from, or null (a built-in lesson). */
    private final Path baseDir;

    LessonMapper(String source, Path baseDir) {
        this.source = source;
        this.read = new NodeReader(source);
        this.baseDir = baseDir;
    }

    /** Whether a file's tree is a lesson (it has {@code steps:}) rather than a scenario. */
    static boolean isLesson(Node root) {
        return root instanceof MapNode m && m.has("steps");
    }

    Lesson map(Node root) throws ScenarioError {
        MapNode top = read.map(root, "the lesson", "Write keys like schemaVersion, title, scenario and steps at the"
                + " top level");
        read.schemaVersion(top, "the lesson", "lessons with ", SCHEMA_VERSION);
        read.allowOnly(top, TOP_KEYS, "at the top level of a lesson");
        String title = read.freeText(read.required(top, "title", "the lesson"), "title");
        String description = top.has("description") ? read.freeText(top.get("description"), "description") : null;
        Scenario scenario = scenario(read.required(top, "scenario", "the lesson"));

        ScenarioMapper.Declared declared = ScenarioMapper.Declared.of(scenario);
        Set<String> everInstance = ScenarioMapper.Declared.everInstance(scenario);
        TimelineMapper actions = new TimelineMapper(read, declared);
        ExpectationMapper conditions = new ExpectationMapper(read, declared);
        ElementRefs elements = new ElementRefs(read, declared, actions, everInstance);

        ListNode stepsNode = read.list(top.get("steps"), "steps", "Write steps: [{id: intro, caption: ...}]");
        if (stepsNode.items().isEmpty()) {
            throw read.error(stepsNode, "the lesson has no steps", "Add at least one step with an id and a caption");
        }
        List<Lesson.Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long lastAt = -1;
        for (Node item : stepsNode.items()) {
            Lesson.Step step = step(item, scenario, actions, conditions, elements, everInstance);
            if (!ids.add(step.id())) {
                throw read.error(((MapNode) item).get("id"), "step id '" + step.id() + "' is used twice",
                        "Give every step its own id: deep links name steps by it");
            }
            if (step.end() instanceof Lesson.End.At at) {
                if (at.atMicros() < lastAt) {
                    throw read.error(((MapNode) ((MapNode) item).get("until")).get("at"), "this step ends at "
                            + Durations.format(at.atMicros()) + ", before an earlier step ends ("
                            + Durations.format(lastAt) + ")", "Steps run in order: give a later time, or use after:");
                }
                lastAt = at.atMicros();
            }
            steps.add(step);
        }
        String id = source.replaceFirst("\\.(ya?ml|json)$", "");
        return new Lesson(id, title, description, scenario, steps, source);
    }

    private Scenario scenario(Node node) throws ScenarioError {
        if (node instanceof MapNode) {
            // written inline: a whole scenario, schemaVersion and all, checked by the scenario format's reader
            return new ScenarioMapper(source).map(node);
        }
        String ref = read.text(node, "scenario");
        String name = ref.replaceFirst("\\.ya?ml$", "");
        if (BuiltInScenarios.NAMES.contains(name) && (baseDir == null || !Files.exists(baseDir.resolve(ref)))) {
            return BuiltInScenarios.load(name);
        }
        if (baseDir == null) {
            throw read.error(node, "'" + ref + "' is not a built-in scenario", useOneOf(name, BuiltInScenarios.NAMES));
        }
        Path file = baseDir.resolve(ref);
        if (!Files.exists(file)) {
            throw read.error(node, "no scenario file '" + ref + "' beside the lesson, and no built-in scenario by that"
                    + " name", "Give a file name relative to the lesson, or one of: "
                            + String.join(", ", BuiltInScenarios.NAMES));
        }
        return ScenarioReader.read(file);
    }

    private Lesson.Step step(Node item, Scenario scenario, TimelineMapper actionReader,
            ExpectationMapper conditionReader, ElementRefs elements, Set<String> everInstance)
            throws ScenarioError {
        MapNode m = read.map(item, "a step", "Write e.g. {id: intro, caption: Six copies in three AZs}");
        read.allowOnly(m, STEP_KEYS, "in a step");
        Node idNode = read.required(m, "id", "this step");
        String id = read.text(idNode, "id");
        if (!STEP_ID.matcher(id).matches()) {
            throw read.error(idNode, "step id '" + id + "' is not lower-case words joined by hyphens",
                    "Write e.g. id: lose-the-az (it is the part after # in a deep link)");
        }
        String title = m.has("title") ? read.freeText(m.get("title"), "title") : id.replace('-', ' ');
        Node captionNode = read.required(m, "caption", "step '" + id + "'");
        String caption = read.freeText(captionNode, "caption").strip();
        if (caption.isEmpty()) {
            throw read.error(captionNode, "the caption is empty", "Say what the learner should see in this step");
        }
        for (CaptionText.Part p : CaptionText.parse(caption)) {
            if (!p.isPlain()) {
                elements.check(captionNode, p.kind(), p.id(), "in the caption");
            }
        }
        List<String> sources = new ArrayList<>();
        if (m.has("sources")) {
            ListNode list = read.list(m.get("sources"), "sources", "Write sources: [P17 §2.1] or [model value]");
            for (Node s : list.items()) {
                sources.add(read.freeText(s, "a source"));
            }
        }
        List<Command> actions = new ArrayList<>();
        if (m.has("do") && !isNull(m.get("do"))) {
            ListNode list = read.list(m.get("do"), "do", "Write do: [{do: fail-az, target: us-east-1c}]");
            for (Node a : list.items()) {
                actions.add(actionReader.action(a, scenario.cluster()));
            }
        }
        List<String> highlight = m.has("highlight") && !isNull(m.get("highlight"))
                ? elements.highlight(m.get("highlight"), scenario.cluster().azs().get(0)) : List.of();
        Lesson.End end = end(m.get("until"), conditionReader, everInstance);
        boolean pause = m.has("pause") ? read.bool(m.get("pause"), "pause") : true;
        Double speed = m.has("speed") ? speed(m.get("speed"), end) : null;
        String myth = m.has("myth") ? read.text(m.get("myth"), "myth") : null;
        Lesson.Question question = m.has("question") ? question(m.get("question")) : null;
        return new Lesson.Step(id, title, caption, sources, actions, highlight, end, pause, speed, myth, question,
                m.line());
    }

    /** A step's play speed: a number the window's speed control offers, on a step that plays. */
    private Double speed(Node node, Lesson.End end) throws ScenarioError {
        String range = "between " + Lesson.Step.MIN_SPEED + " and " + (int) Lesson.Step.MAX_SPEED
                + " (the window's speed control: 1/100× to 100×)";
        if (!(node instanceof ScalarNode s) || s.number() == null) {
            throw read.error(node, "speed must be a number, not " + node.kind(), "Write e.g. speed: 4 for 4×, "
                    + range);
        }
        double speed = s.number().doubleValue();
        if (!(speed >= Lesson.Step.MIN_SPEED && speed <= Lesson.Step.MAX_SPEED)) {
            throw read.error(node, "speed " + s.text() + " is not one the window offers", "Give a speed " + range);
        }
        if (end instanceof Lesson.End.OnContinue) {
            throw read.error(node, "speed goes with a step that plays, and this one waits for Continue (paused)",
                    "Remove speed:, or end the step with until: {after: ...}, {at: ...} or {when: ...}");
        }
        return speed;
    }

    private Lesson.End end(Node node, ExpectationMapper conditions, Set<String> everInstance) throws ScenarioError {
        if (node == null || isNull(node)
                || (node instanceof ScalarNode s && s.scalarKind() == ScalarKind.TEXT && s.text().equals("continue"))) {
            return new Lesson.End.OnContinue();
        }
        MapNode m = read.map(node, "until", "Write until: continue, {after: 5s}, {at: 30s} or"
                + " {when: {writable: false}, within: 60s}");
        read.allowOnly(m, UNTIL_KEYS, "in until");
        int kinds = (m.has("at") ? 1 : 0) + (m.has("after") ? 1 : 0) + (m.has("when") ? 1 : 0);
        if (kinds != 1) {
            throw read.error(m, kinds == 0 ? "until says no end" : "until gives more than one end",
                    "Give exactly one of at:, after: or when:");
        }
        if (m.has("within") && !m.has("when")) {
            throw read.error(m.entries().get("within").key(), "within only goes with when:",
                    "Remove within:, or end the step with when: {...}");
        }
        if (m.has("at")) {
            return new Lesson.End.At(read.time(m.get("at"), "at"));
        }
        if (m.has("after")) {
            long after = read.time(m.get("after"), "after");
            if (after <= 0) {
                throw read.error(m.get("after"), "after must be more than 0", "Write e.g. after: 5s, or until: continue");
            }
            return new Lesson.End.After(after);
        }
        long within = DEFAULT_WITHIN_MICROS;
        if (m.has("within")) {
            within = read.time(m.get("within"), "within");
            if (within <= 0) {
                throw read.error(m.get("within"), "within must be more than 0", "Write e.g. within: 60s");
            }
        }
        Node when = m.get("when");
        return new Lesson.End.When(conditions.condition(when, everInstance), conditionText(when), within);
    }

    /** The condition as the author wrote it, for messages: "writable: false, writer: reader-1". */
    private static String conditionText(Node when) {
        if (!(when instanceof MapNode m)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        m.entries().forEach((k, e) -> parts.add(k + ": " + valueText(e.value())));
        return String.join(", ", parts);
    }

    /** A condition's value as written: a scalar, or {region: value, ...} for the Global Database maps. */
    private static String valueText(Node value) {
        if (value instanceof ScalarNode s) {
            return s.text();
        }
        if (value instanceof MapNode inner) {
            List<String> parts = new ArrayList<>();
            inner.entries().forEach((k, e) -> parts.add(k + ": " + valueText(e.value())));
            return "{" + String.join(", ", parts) + "}";
        }
        return "…";
    }

    private Lesson.Question question(Node node) throws ScenarioError {
        MapNode m = read.map(node, "question", "Write question: {ask: ..., choices: [..., ...], answer: 1}");
        read.allowOnly(m, QUESTION_KEYS, "in a question");
        String ask = read.freeText(read.required(m, "ask", "the question"), "ask");
        ListNode list = read.list(read.required(m, "choices", "the question"), "choices",
                "Write choices: [first, second, third]");
        if (list.items().size() < 2) {
            throw read.error(list, "a question needs at least two choices", "Add the choices a learner picks from");
        }
        List<String> choices = new ArrayList<>();
        for (Node c : list.items()) {
            choices.add(read.freeText(c, "a choice"));
        }
        int answer = (int) read.wholeIn(read.required(m, "answer", "the question"), "answer", 1, choices.size(),
                "Give the number of the right choice, counting from 1");
        String explain = m.has("explain") ? read.freeText(m.get("explain"), "explain") : null;
        return new Lesson.Question(ask, choices, answer - 1, explain);
    }
}
