package dev.auroralab.app;

import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.io.PrintStream;
import java.util.List;

/** {@code validate FILE...}: checks scenario and lesson files without running them; exit 0 when all are good, 2 otherwise. */
final class ValidateCommand implements Command {

    static final String USAGE = "validate FILE...";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("aurora-lab validate: give at least one scenario file\nusage: " + USAGE);
            return 2;
        }
        int bad = 0;
        for (String file : args) {
            try {
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
        return bad == 0 ? 0 : 2;
    }
}
