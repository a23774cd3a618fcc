package dev.auroralab.app;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench-render [FILE...] [--seconds N] [--warmup D] [--headless] [--capped] [--width W --height H]}: what a
 * frame of the playing window costs on the JavaFX thread, for the default scenario and for the largest topology (or
 * for the scenario files and built-in names given, e.g. {@code global-switchover}), on the software pipeline. Figures, not assertions: it prints PASS or MISS against the p99 target and always exits 0 once it has
 * measured (2 for bad arguments, 1 when the window could not be drawn at all).
 *
 * <p>The measuring is in {@link RenderBenchWindow}, the only part that loads JavaFX.
 */
final class RenderBenchCommand implements Command {

    static final String USAGE = "bench-render [FILE...] [--seconds N] [--warmup D] [--headless] [--capped]"
            + " [--width W --height H]";

    /** The target from the issue: p99 of the JavaFX thread's work per frame, software pipeline, 2 cores. */
    static final double P99_TARGET_MS = 8.0;

    static final int DEFAULT_WIDTH = 1440;
    static final int DEFAULT_HEIGHT = 900;

    /** The largest topology the window is meant for: 1 writer + 15 replicas, 100 GiB (10 PGs), 200,000 writes/s. */
    static final String LARGEST_YAML = largestYaml();

    /** One measured case, as handed to the window. */
    record Case(String label, Scenario scenario) {
    }

    /** What to measure and how. */
    record Request(List<Case> cases, double seconds, long warmupNanos, boolean headless, boolean capped, int width,
            int height) {
    }

    /** p50, p99 and max of a set of durations, in milliseconds. */
    record Stats(int count, double p50, double p99, double max) {
        static Stats of(long[] nanos, int n) {
            if (n == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Stats(n, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[n - 1] / 1e6);
        }

        /** Nearest-rank percentile. */
        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        String cell() {
            return count == 0 ? "-" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", p50, p99, max);
        }
    }

    /** What one case measured. Times to the first frame are -1 when not known. */
    record Result(String label, int frames, double measuredSeconds, Stats frame, Stats handler, Stats draw,
            Stats layout, double simulatedPerWall, double effectiveSpeed, long firstFrameFromJvmStartMillis,
            long firstFrameFromBuildMillis, long fxAllocatedBytes, long gcCount, long gcMillis) {
        double framesPerSecond() {
            return measuredSeconds <= 0 ? 0 : frames / measuredSeconds;
        }
    }

    /** The whole run: the cases and what the toolkit ran on. */
    record Report(List<Result> results, boolean headless, boolean uncapped, boolean toolkitStartedHere,
            String prismOrder) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs a;
        double seconds;
        long warmup;
        int width;
        int height;
        try {
            a = CliArgs.parse(args, Set.of("--seconds", "--warmup", "--width", "--height"),
                    Set.of("--headless", "--capped"));
            seconds = number(a.options.getOrDefault("--seconds", "10"), "--seconds", 0.1, 600);
            width = (int) number(a.options.getOrDefault("--width", "" + DEFAULT_WIDTH), "--width", 320, 8192);
            height = (int) number(a.options.getOrDefault("--height", "" + DEFAULT_HEIGHT), "--height", 320, 8192);
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab bench-render: " + e.getMessage() + "\nusage: " + USAGE);
            return 2;
        }
        try {
            warmup = Durations.parseMicros(a.options.getOrDefault("--warmup", "2s")) * 1_000;
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab bench-render: --warmup " + e.getMessage());
            return 2;
        }
        List<Case> cases = new java.util.ArrayList<>();
        for (String given : a.positionals) {
            try {
                Scenario s = ScreenshotCommand.scenarioOf(given);
                cases.add(new Case(given, s));
            } catch (ScenarioError e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (cases.isEmpty()) {
            try {
                cases = List.of(
                        new Case(BuiltInScenarios.DEFAULT + " (default)",
                                BuiltInScenarios.load(BuiltInScenarios.DEFAULT)),
                        new Case("largest topology", ScenarioReader.read("largest-topology.yaml", LARGEST_YAML)));
            } catch (ScenarioError e) {
                err.println("aurora-lab bench-render: a built-in scenario does not read: " + e.getMessage());
                return 1;
            }
        }
        boolean capped = a.options.containsKey("--capped");
        Request request = new Request(cases, seconds, warmup, a.options.containsKey("--headless"), capped, width,
                height);
        out.printf(Locale.ROOT, "Aurora Lab render bench: the window playing at 1x, %dx%d, for %s after a %s warm-up"
                + " per case%n", width, height, trim(seconds) + " s", Durations.format(warmup / 1_000));
        out.flush();
        Report report;
        try {
            report = RenderBenchWindow.measure(request);
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab bench-render: " + e.getMessage());
            return 2;
        } catch (RuntimeException | LinkageError e) {
            err.println("aurora-lab bench-render: could not run the window: " + ScreenshotCommand.describe(e));
            return 1;
        }
        print(report, capped, out);
        return 0;
    }

    private static double number(String text, String option, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(option + " " + text + " is out of range: use " + trim(min) + " to "
                    + trim(max));
        }
        return v;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static void print(Report report, boolean capped, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        String platform = report.headless() ? "headless (Monocle)" : "display " + System.getenv("DISPLAY");
        String pulses = report.uncapped() ? "uncapped pulses (javafx.animation.fullspeed=true)"
                : capped ? "the 60 Hz pulse (--capped)"
                : "pulse rate as the running toolkit had it (it was already started, so fullspeed could not be set)";
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "pipeline prism.order=%s, %s, %d cores%s, JavaFX %s, Java %s;%n%s%n",
                report.prismOrder(), platform, cores, load < 0 ? "" : String.format(Locale.ROOT,
                        " (load average %.2f at the end: other work on the machine skews the figures)", load),
                System.getProperty("javafx.runtime.version", "?"), System.getProperty("java.version"), pulses);
        List<Result> rs = report.results();
        String fmt = "%-44s" + " %-26s".repeat(rs.size()) + "%n";
        Object[] head = new Object[rs.size() + 1];
        head[0] = "";
        for (int i = 0; i < rs.size(); i++) {
            head[i + 1] = rs.get(i).label();
        }
        out.println();
        out.printf(Locale.ROOT, fmt, head);
        row(out, fmt, "frames measured", rs, r -> String.format(Locale.ROOT, "%,d in %.1f s", r.frames(),
                r.measuredSeconds()));
        row(out, fmt, report.uncapped() ? "frames/s (uncapped)" : "frames/s", rs,
                r -> String.format(Locale.ROOT, "%.1f", r.framesPerSecond()));
        row(out, fmt, "FX thread per frame p50 / p99 / max (ms)", rs, r -> r.frame().cell());
        row(out, fmt, "  pulse handler p50 / p99 / max (ms)", rs, r -> r.handler().cell());
        row(out, fmt, "    of which canvas redraw p50 / p99 / max", rs, r -> r.draw().cell());
        row(out, fmt, "  CSS + layout pass p50 / p99 / max (ms)", rs, r -> r.layout().cell());
        row(out, fmt, "FX thread allocation per frame", rs, r -> r.fxAllocatedBytes() < 0 ? "-"
                : String.format(Locale.ROOT, "%,.0f KiB", r.fxAllocatedBytes() / 1024.0 / Math.max(1, r.frames())));
        row(out, fmt, "GC pauses while measuring (all threads)", rs,
                r -> String.format(Locale.ROOT, "%d, %,d ms in all", r.gcCount(), r.gcMillis()));
        row(out, fmt, "effective speed (simulated / wall)", rs, r -> String.format(Locale.ROOT, "%.2fx (shown %.2fx)",
                r.simulatedPerWall(), r.effectiveSpeed()));
        row(out, fmt, "first drawn frame, from JVM start", rs, r -> r.firstFrameFromJvmStartMillis() < 0 ? "-"
                : String.format(Locale.ROOT, "%,d ms", r.firstFrameFromJvmStartMillis()));
        row(out, fmt, "first drawn frame, from window build", rs, r -> r.firstFrameFromBuildMillis() < 0 ? "-"
                : String.format(Locale.ROOT, "%,d ms", r.firstFrameFromBuildMillis()));
        row(out, fmt, String.format(Locale.ROOT, "target p99 <= %.0f ms per frame", P99_TARGET_MS), rs,
                r -> r.frame().count() == 0 ? "no frames"
                        : r.frame().p99() <= P99_TARGET_MS ? "PASS" : "MISS");
        out.println();
        out.println("FX thread per frame = the pulse handler (engine advance within its 5 ms budget, snapshot"
                + " publish,\ncanvas redraw, charts, panels) + the scene's CSS and layout pass in the same pulse. Not in"
                + " it: syncing\nthe scene to the render thread, and the software rasteriser (its own thread). The"
                + " warm-up is skipped.\nThe first case's start-up counts from JVM start; the second case opens in the"
                + " same, warm JVM.");
    }

    private interface Cell {
        String of(Result r);
    }

    private static void row(PrintStream out, String fmt, String name, List<Result> rs, Cell cell) {
        Object[] cols = new Object[rs.size() + 1];
        cols[0] = name;
        for (int i = 0; i < rs.size(); i++) {
            cols[i + 1] = cell.of(rs.get(i));
        }
        out.printf(Locale.ROOT, fmt, cols);
    }

    private static String largestYaml() {
        String[] azs = {"us-east-1a", "us-east-1b", "us-east-1c"};
        String[] classes = {"db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge", "db.r6g.4xlarge", "db.r6g.8xlarge"};
        StringBuilder y = new StringBuilder("""
                schemaVersion: 1
                name: Largest topology
                description: 1 writer and 15 replicas over 3 AZs, 100 GiB (10 protection groups), 200,000 writes/s
                seed: 1
                duration: 1h
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 100
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.16xlarge}
                """);
        for (int i = 1; i <= 15; i++) {
            y.append(String.format(Locale.ROOT, "    - {id: reader-%d, az: %s, tier: %d, instanceClass: %s}%n", i,
                    azs[i % 3], i % 4, classes[i % classes.length]));
        }
        y.append("workload: {writesPerSecond: 200000, readsPerSecond: 50000}\n");
        return y.toString();
    }
}
