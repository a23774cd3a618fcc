package dev.auroralab.app;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.run.ClockText;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.WhyLink;
import dev.auroralab.teach.WhySubject;
import dev.auroralab.teach.WhyTrace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code why SCENARIO --at D [--subject S] [--seed N]}: plays the scenario (a file or a built-in name) to moment D and
 * prints the "why?" trace of S, as the window's pop-over lists it: the state first, then its causes newest first,
 * one per line, each with its time and who did it ("you" never appears: no one acts in a headless run). Exit 0, or 2
 * for bad input (a file, a time or a subject), with one message that says what to type instead.
 */
final class WhyCommand implements Command {

    static final String USAGE = "why SCENARIO --at D [--subject volume|pg:ID|writer|lost-writes|region:NAME|az:NAME"
            + "|node:ID|instance:ID|endpoint:cluster|endpoint:reader] [--seed N]";
    /** How far past the scenario's end --at may go: the window plays on too, but not for ever. */
    static final long PAST_END_MICROS = 10 * 60 * 1_000_000L;

    private static final String SUBJECTS = "volume, writer, lost-writes, pg:ID, region:NAME, az:NAME, node:ID,"
            + " instance:ID, endpoint:cluster or endpoint:reader (e.g. pg:pg-0, az:us-east-1c, instance:writer-1)";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs a;
        try {
            a = CliArgs.parse(args, Set.of("--at", "--subject", "--seed"), Set.of());
            if (a.positionals.size() != 1) {
                throw new IllegalArgumentException(a.positionals.isEmpty() ? "give a scenario file or built-in name"
                        : "give exactly one scenario, got " + a.positionals.size());
            }
            if (!a.options.containsKey("--at")) {
                throw new IllegalArgumentException("give the moment to explain with --at, e.g. --at 13s");
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        long at;
        try {
            at = Durations.parseMicros(a.options.get("--at"));
        } catch (IllegalArgumentException e) {
            err.println("aurora-lab why: --at " + e.getMessage());
            return Commands.USAGE_ERROR;
        }
        Long seed = null;
        if (a.options.containsKey("--seed")) {
            try {
                seed = Long.parseLong(a.options.get("--seed").strip());
            } catch (NumberFormatException e) {
                err.println("aurora-lab why: --seed takes a whole number, got '" + a.options.get("--seed") + "'");
                return Commands.USAGE_ERROR;
            }
        }
        String subjectText = a.options.getOrDefault("--subject", "volume");
        Parsed parsed = parse(subjectText);
        if (parsed == null) {
            err.println("aurora-lab why: --subject '" + subjectText + "' is not one of " + SUBJECTS);
            return Commands.USAGE_ERROR;
        }
        Scenario scenario;
        try {
            if (dev.auroralab.scenario.LessonLink.parse(a.positionals.get(0)).namesLesson()) {
                err.println("aurora-lab why: " + a.positionals.get(0) + " is a lesson; give its scenario file or a"
                        + " built-in scenario (see: lessons)");
                return Commands.USAGE_ERROR;
            }
            scenario = BuiltInScenarios.fileOrBuiltIn(a.positionals.get(0));
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return Commands.USAGE_ERROR;
        }
        if (at > scenario.durationMicros() + PAST_END_MICROS) {
            err.println("aurora-lab why: --at " + a.options.get("--at") + " is more than 10 minutes past the"
                    + " scenario's end at " + ClockText.of(scenario.durationMicros()) + "; give a moment up to "
                    + Durations.format(scenario.durationMicros() + PAST_END_MICROS));
            return Commands.USAGE_ERROR;
        }
        Run run = seed == null ? new Run(scenario) : new Run(scenario, seed);
        run.playTo(at);
        String missing = missing(parsed, run.snapshot());
        if (missing != null) {
            err.println("aurora-lab why: " + missing);
            return Commands.USAGE_ERROR;
        }
        List<WhyLink> links = WhyTrace.explain(parsed.subject(), run);
        for (int i = 0; i < links.size(); i++) {
            out.println((i == 0 ? "" : "  ← ") + links.get(i).label());
        }
        return 0;
    }

    /** A subject as typed, and what it names. */
    record Parsed(String kind, String id, WhySubject subject) {
    }

    /** "pg:pg-0" and the like; null when it is none of the forms. */
    static Parsed parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String kind = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String id = colon < 0 ? "" : t.substring(colon + 1).strip();
        if (colon < 0) {
            return switch (kind) {
                case "volume" -> new Parsed(kind, "", WhySubject.volume());
                case "writer" -> new Parsed(kind, "", WhySubject.writer());
                case "lost-writes" -> new Parsed(kind, "", WhySubject.lostWrites());
                default -> null;
            };
        }
        if (id.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case "pg" -> new Parsed(kind, id, WhySubject.pg(id));
            case "region" -> new Parsed(kind, id, WhySubject.region(id));
            case "az" -> new Parsed(kind, id, WhySubject.az(id));
            case "node" -> new Parsed(kind, id, WhySubject.node(id));
            case "instance" -> new Parsed(kind, id, WhySubject.instance(id));
            case "endpoint" -> id.equals(WhySubject.Endpoint.CLUSTER) || id.equals(WhySubject.Endpoint.READER)
                    ? new Parsed(kind, id, WhySubject.endpoint(id, null)) : null;
            default -> null;
        };
    }

    /** Why the element named is not in the run at that moment (with the ones that are), or null when it is. */
    static String missing(Parsed p, EngineSnapshot now) {
        List<String> known = new ArrayList<>();
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            switch (p.kind()) {
                case "pg" -> r.volume().protectionGroups().forEach(g -> known.add(g.id()));
                case "region" -> known.add(r.region());
                case "az" -> known.addAll(r.azs());
                case "node" -> r.storageNodes().forEach(n -> known.add(n.id()));
                case "instance" -> r.instances().forEach(i -> known.add(i.id()));
                default -> {
                    return null; // volume, writer, lost writes, an endpoint: always there
                }
            }
        }
        if (known.contains(p.id())) {
            return null;
        }
        if (known.isEmpty()) {
            return "there is no " + p.kind() + " at all at " + ClockText.of(now.nowMicros());
        }
        String what = switch (p.kind()) {
            case "pg" -> "protection group";
            case "az" -> "AZ";
            case "node" -> "storage node";
            default -> p.kind();
        };
        List<String> shown = known.size() > 12 ? known.subList(0, 12) : known;
        return "there is no " + what + " '" + p.id() + "' at " + ClockText.of(now.nowMicros()) + ". There "
                + (known.size() == 1 ? "is " : "are ") + String.join(", ", shown)
                + (known.size() > shown.size() ? " and " + (known.size() - shown.size()) + " more" : "")
                + "; e.g. --subject " + p.kind() + ":" + known.get(0);
    }

    private static int usage(PrintStream err, String message) {
        err.println("aurora-lab why: " + message + "\nusage: " + USAGE);
        return Commands.USAGE_ERROR;
    }
}
