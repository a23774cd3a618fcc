package dev.auroralab.app;

import dev.auroralab.engine.check.SafetyProperty;
import dev.auroralab.engine.check.SafetyWatch;
import dev.auroralab.engine.check.Violation;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.RunReport;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.run.ScenarioRunner;
import dev.auroralab.scenario.ExpectationResult;
import dev.auroralab.scenario.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code run FILE [--seed N] [--duration D] [--report FILE|-] [--check]}: exit 0 all expectations held (and, with
 * {@code --check}, every safety property), 1 one failed, 2 bad input.
 */
final class RunCommand implements Command {

    static final String USAGE = "run FILE|LESSON [--seed N] [--duration D] [--report FILE|-] [--check]";
    /** Violations printed at most; the rest are counted. */
    static final int MAX_VIOLATIONS_PRINTED = 50;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs a;
        try {
            a = CliArgs.parse(args, Set.of("--seed", "--duration", "--report"), Set.of("--check"));
            if (a.positionals.size() != 1) {
                throw new IllegalArgumentException("give exactly one scenario file");
            }
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab run: " + e.getMessage() + "\nusage: " + USAGE);
            return 2;
        }
        Long seed = null;
        Long duration = null;
        try {
            if (a.options.containsKey("--seed")) {
                seed = Long.parseLong(a.options.get("--seed"));
            }
        } catch (NumberFormatException e) {
            err.println("aurora-lab run: --seed takes a whole number, got '" + a.options.get("--seed") + "'");
            return 2;
        }
        try {
            if (a.options.containsKey("--duration")) {
                duration = Durations.parseMicros(a.options.get("--duration"));
                if (duration <= 0) {
                    throw new IllegalArgumentException("must be more than zero");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab run: --duration '" + a.options.get("--duration") + "': " + e.getMessage()
                    + " (write it like 250ms, 10s, 2m, 1.5s)");
            return 2;
        }
        if (dev.auroralab.scenario.QuestionBankReader.isQuestionBank(Path.of(a.positionals.get(0)))) {
            err.println("aurora-lab run: " + a.positionals.get(0) + " is a question bank: take it with 'quiz --bank "
                    + a.positionals.get(0) + "', or check its demonstrations with 'validate " + a.positionals.get(0)
                    + "'");
            return 2;
        }
        if (dev.auroralab.scenario.LessonLink.parse(a.positionals.get(0)).namesLesson()) {
            for (String scenarioOnly : List.of("--duration", "--report", "--check")) {
                if (a.options.containsKey(scenarioOnly)) {
                    err.println("aurora-lab run: " + scenarioOnly + " is for scenarios; a lesson runs each step to"
                            + " its end (only --seed applies)");
                    return 2;
                }
            }
            return LessonCommands.run(a.positionals.get(0), seed, out, err);
        }
        Scenario scenario;
        try {
            scenario = dev.auroralab.scenario.BuiltInScenarios.fileOrBuiltIn(a.positionals.get(0));
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return 2;
        }
        boolean check = a.options.containsKey("--check");
        List<SafetyWatch> watch = new ArrayList<>(1);
        RunResult result = !check ? ScenarioRunner.run(scenario, seed, duration)
                : ScenarioRunner.run(scenario, seed, duration, SafetyWatch.DEFAULT_EVERY_MICROS, engine -> {
                    if (watch.isEmpty()) {
                        watch.add(new SafetyWatch(engine)); // before the first instant: it sees the whole log
                    }
                    watch.get(0).check();
                });
        List<Violation> violations = check ? watch.get(0).violations() : List.of();
        String report = a.options.get("--report");
        // with the report on stdout, the human summary goes to stderr so stdout stays valid JSON
        PrintStream human = "-".equals(report) ? err : out;
        printSummary(result, human);
        if (check) {
            printViolations(violations, human);
        }
        if (report != null) {
            String json = RunReport.toJson(result);
            if ("-".equals(report)) {
                out.print(json);
            } else {
                try {
                    Files.writeString(Path.of(report), json, StandardCharsets.UTF_8);
                    human.println("report written to " + report);
                } catch (IOException e) {
                    err.println("aurora-lab run: cannot write the report to " + report + ": " + e.getMessage());
                    return 2;
                }
            }
        }
        return exitCode(result.allPassed(), violations);
    }

    /** 0 when every expectation held and no safety property broke, 1 otherwise. */
    static int exitCode(boolean expectationsHeld, List<Violation> violations) {
        return expectationsHeld && violations.isEmpty() ? 0 : 1;
    }

    /** Each violation with its simulated time, then one line that says what was checked. */
    static void printViolations(List<Violation> violations, PrintStream out) {
        for (Violation v : violations.subList(0, Math.min(MAX_VIOLATIONS_PRINTED, violations.size()))) {
            out.println("  VIOLATION at " + v.describe());
        }
        if (violations.size() > MAX_VIOLATIONS_PRINTED) {
            out.println("  ... and " + (violations.size() - MAX_VIOLATIONS_PRINTED) + " more violations");
        }
        String what = SafetyProperty.values().length + " safety properties, checked after every timeline command and"
                + " every " + SafetyWatch.DEFAULT_EVERY_MICROS / 1000 + " ms of simulated time";
        out.println(violations.isEmpty() ? "safety check: no violation (" + what + ")"
                : "safety check: " + violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + " ("
                        + what + ")");
    }

    static void printSummary(RunResult r, PrintStream out) {
        var s = r.finalSnapshot();
        var c = s.counters();
        out.printf(Locale.ROOT, "%s  (seed %d, %s simulated, %,d engine events)%n", r.scenario().name(), r.seed(),
                Durations.format(r.durationMicros()), r.engineEvents());
        var timings = r.scenario().cluster().timings();
        for (String set : timings.describeOverrides()) {
            out.printf(Locale.ROOT, "  set by the scenario: %s%n", set);
        }
        out.printf(Locale.ROOT, "  writes: %,d issued, %,d acknowledged, %,d failed, %,d still pending,"
                + " %,d acknowledged-then-lost%n", c.writesIssued(), c.writesAcknowledged(), c.writesFailed(),
                c.writesPending(), c.acknowledgedWritesLost());
        out.printf(Locale.ROOT, "  commit latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                c.commitLatencyP50Micros() / 1e3, c.commitLatencyP99Micros() / 1e3, c.commitLatencyMaxMicros() / 1e3);
        out.printf(Locale.ROOT, "  reads: %,d issued, %,d served, %,d failed%n", c.readsIssued(), c.readsServed(),
                c.readsFailed());
        out.printf(Locale.ROOT, "  downtime: writes %.1f s, reads %.1f s%n", c.writeDowntimeMicros() / 1e6,
                c.readDowntimeMicros() / 1e6);
        for (var f : s.failovers()) {
            if (f.kind().global()) {
                // a Global Database failover: between regions, with its RTO and RPO in the ledger
                out.printf(Locale.ROOT, "  %s %s -> %s: RTO %.1f s, RPO %.3f s, %,d acknowledged writes lost%s%n",
                        f.kind(), f.from(), f.to(), f.rtoMicros() / 1e6, f.rpoMicros() / 1e6,
                        f.acknowledgedWritesLost(), f.recoverySnapshot() == null || f.acknowledgedWritesLost() == 0
                                ? "" : " (in snapshot " + f.recoverySnapshot() + ")");
                continue;
            }
            String what = switch (f.kind()) {
                case RESTART_IN_PLACE -> "writer " + f.to() + " restarted in place (no failover)";
                case RECREATE -> "writer " + f.to() + " recreated (no replica to promote)";
                default -> f.from().equals(f.to()) ? "writer " + f.to() + " back in place"
                        : "failover " + f.from() + " -> " + f.to();
            };
            out.printf(Locale.ROOT, "  %s: %.1f s to %.1f s (%.1f s without a writer), %d acknowledged writes lost%n",
                    what, f.startedAtMicros() / 1e6, f.completedAtMicros() / 1e6,
                    (f.completedAtMicros() - f.startedAtMicros()) / 1e6, f.acknowledgedWritesLost());
        }
        if (r.scenario().isGlobal()) {
            for (var region : s.regions()) {
                out.printf(Locale.ROOT, "  region %s: %s%s, RPO lag %.1f ms, %s%n", region.region(), region.role(),
                        region.resyncing() ? " (rebuilding)" : "", region.rpoLagMicros() / 1e3,
                        region.writable() ? "writable" : region.readable() ? "read-only" : "not readable");
            }
            var g = s.global();
            out.printf(Locale.ROOT, "  global: writes go to %s, managed RPO %s%s%s%n", s.writerRegion(),
                    g.managedRpoSeconds() > 0 ? g.managedRpoSeconds() + " s" : "off",
                    g.commitsBlocked() ? ", commits blocked" : "", g.splitBrain() ? ", SPLIT BRAIN: "
                            + String.join(" and ", g.writableRegions()) + " take writes" : "");
        }
        for (var i : s.instances()) {
            if (i.role() == dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole.READER && i.lagMicros() > 0) {
                out.printf(Locale.ROOT, "  replica %s lag %.2f ms%n", i.id(), i.lagMicros() / 1e3);
            }
        }
        out.printf(Locale.ROOT, "  end: %s, writer %s: %s%n", s.volume().status().label(),
                s.writerId() == null ? "none" : s.writerId(), s.volume().reason());
        int failed = 0;
        int skipped = 0;
        for (ExpectationResult e : r.expectations()) {
            out.println((e.skipped() ? "  SKIP " : e.passed() ? "  PASS " : "  FAIL ") + e.message());
            failed += e.passed() || e.skipped() ? 0 : 1;
            skipped += e.skipped() ? 1 : 0;
        }
        int checked = r.expectations().size() - skipped;
        String notReached = skipped == 0 ? "" : " (" + skipped + " not reached before the run ended)";
        if (!r.expectations().isEmpty()) {
            out.println((failed == 0 ? "all " + checked + " checked expectations held"
                    : failed + " of " + checked + " checked expectations failed") + notReached);
        }
    }
}
