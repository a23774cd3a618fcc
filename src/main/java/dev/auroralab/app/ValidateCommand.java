package dev.auroralab.app;

import dev.auroralab.exam.QuestionBank;
import dev.auroralab.run.DemonstrationCheck;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate FILE...}: checks scenario and lesson files without running them, and question banks by running
 * their demonstrations; exit 0 when all are good, 1 when the only problem is a bank's demonstration that does not
 * hold, 2 otherwise.
 */
final class ValidateCommand implements Command {

    static final String USAGE = "validate FILE...";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("aurora-lab validate: give at least one scenario file\nusage: " + USAGE);
            return 2;
        }
        int bad = 0;
        int banksContradicted = 0;
        for (String file : args) {
            try {
                if (QuestionBankReader.isQuestionBank(Path.of(file))) {
                    banksContradicted += validateBank(file, out, err) ? 0 : 1;
                    continue;
                }
                var link = dev.auroralab.scenario.LessonLink.parse(file);
                if (link.namesLesson()) {
                    var lesson = link.open().lesson();
                    LessonCommands.describe(file, lesson, out);
                    continue;
                }
                Scenario s = dev.auroralab.scenario.BuiltInScenarios.fileOrBuiltIn(file);
                int instances = s.cluster().instances().size()
                        + s.cluster().secondaries().stream().mapToInt(r -> r.instances().size()).sum();
                String regions = s.isGlobal() ? " in " + (1 + s.cluster().secondaries().size()) + " regions" : "";
                out.println(file + ": OK (" + s.name() + ": " + instances + " instances" + regions + ", "
                        + s.cluster().protectionGroupCount() + " protection groups, " + s.timeline().size()
                        + " actions, " + s.expectations().size() + " expectations)");
            } catch (ScenarioError e) {
                err.println(e.getMessage());
                bad++;
            }
        }
        return bad > 0 ? 2 : banksContradicted > 0 ? 1 : 0;
    }

    /**
     * A question bank: read (a problem is thrown, located), then every demonstration run as the window opens it.
     * False when a demonstration does not show its answer or a distractor's claim holds.
     */
    private static boolean validateBank(String file, PrintStream out, PrintStream err) throws ScenarioError {
        QuestionBank bank = QuestionBankReader.read(Path.of(file));
        List<DemonstrationCheck.Outcome> outcomes = DemonstrationCheck.check(bank);
        List<String> problems = DemonstrationCheck.problems(bank, outcomes);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(file + ": " + problems.size() + " demonstration check" + (problems.size() == 1 ? "" : "s")
                    + " failed: the bank says what the engine does not show");
            return false;
        }
        int claims = outcomes.stream().mapToInt(o -> o.refutations().size()).sum();
        out.println(file + ": OK (question bank: " + bank.size() + " questions, " + bank.demonstrated().size()
                + " demonstrated and " + bank.stated().size() + " stated; every demonstration shows its answer, and "
                + claims + " distractor claims do not hold)");
        return true;
    }
}
