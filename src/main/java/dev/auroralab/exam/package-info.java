/**
 * Exam practice (issue 15): the question bank as plain Java. A {@link dev.auroralab.exam.Question} is tagged with its
 * {@link dev.auroralab.exam.Domain} and the {@link dev.auroralab.exam.Exam}s it serves, and, where the engine can show
 * its answer, carries a {@link dev.auroralab.exam.Demonstration}: a scenario, the moment to open it at and an
 * expectation that holds there. A {@link dev.auroralab.exam.QuestionBank} holds them in file order;
 * {@link dev.auroralab.exam.Scorecard} counts answers per domain.
 *
 * <p>No JavaFX and no Jackson (an ArchUnit rule): the bank file is read by {@code scenario.QuestionBankReader}, which
 * owns the located-error machinery, and the demonstrations are run by {@code run.DemonstrationCheck}. The model uses
 * only the scenario package's values ({@code Scenario}, {@code Expectation}), so the command line, the tests and the
 * window all see the same questions.
 */
package dev.auroralab.exam;
