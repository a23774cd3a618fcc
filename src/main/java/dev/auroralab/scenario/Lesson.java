package dev.auroralab.scenario;

import dev.auroralab.engine.command.Command;
import java.util.List;

/**
 * A checked lesson file: a scenario and the ordered steps a learner takes through it. Made only by
 * {@link LessonReader}, which returns a complete lesson or a {@link ScenarioError} that says where and how to fix.
 *
 * @param id the name a deep link and the command line use ({@code az-plus-one} in {@code --lesson az-plus-one#step}):
 *     the file name without its extension
 * @param sourceName the file name, used in messages
 */
public record Lesson(String id, String title, String description, Scenario scenario, List<Step> steps,
        String sourceName) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The index of the step named {@code stepId}, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One step: its caption shows, its actions are applied as it starts, and it ends as {@code end} says.
     *
     * @param id unique in the lesson, kebab-case: the part after # in a deep link
     * @param caption the text, with {@link CaptionText} markup ({@code [label](kind:id)} for an element)
     * @param sources where each fact in the caption comes from (aurora-reference tags such as "P17 §2.1"), or
     *     "model value"
     * @param actions applied in order when the step starts
     * @param highlight elements to spotlight, as {@code kind:id} ({@code pg:pg-0}, {@code az:us-east-1c})
     * @param pause after a timed or conditional end: whether the simulation pauses for Continue (true) or the next
     *     step starts at once (false)
     * @param speed the window's play speed while the step plays (4 for 4×), or null for the learner's own: a wait of
     *     minutes of simulated time plays in seconds; headless runs are not wall-clock driven and ignore it
     * @param myth the id of a myth card this step answers, or null
     * @param question a multiple-choice question asked at this step, or null
     * @param line where the step starts in the file
     */
    public record Step(String id, String title, String caption, List<String> sources, List<Command> actions,
            List<String> highlight, End end, boolean pause, Double speed, String myth, Question question, int line) {

        /** The speeds a step may ask for: the window's speed control goes from 1/100× to 100×. */
        public static final double MIN_SPEED = 0.01;
        public static final double MAX_SPEED = 100;

        public Step {
            sources = List.copyOf(sources);
            actions = List.copyOf(actions);
            highlight = List.copyOf(highlight);
        }
    }

    /** How a step ends. */
    public sealed interface End {

        /** When the learner presses Continue; the simulation is paused while the caption shows. */
        record OnContinue() implements End {
        }

        /** When the simulated clock reaches {@code atMicros}. */
        record At(long atMicros) implements End {
        }

        /** {@code afterMicros} of simulated time after the step started. */
        record After(long afterMicros) implements End {
        }

        /**
         * When {@code condition} holds, looked at every {@link #CHECK_MICROS} of simulated time; a run of the lesson
         * fails when it has not held {@code withinMicros} after the step started.
         *
         * @param text the condition as written, for messages ("writable: false")
         */
        record When(Expectation condition, String text, long withinMicros) implements End {

            /** How often a condition is looked at: fixed, so the step ends at the same moment on every run. */
            public static final long CHECK_MICROS = 100_000;
        }
    }

    /**
     * A multiple-choice question.
     *
     * @param answer the index of the right choice (0-based; the file counts from 1)
     * @param explain why the answer is right, shown after any choice
     */
    public record Question(String ask, List<String> choices, int answer, String explain) {

        public Question {
            choices = List.copyOf(choices);
        }
    }
}
