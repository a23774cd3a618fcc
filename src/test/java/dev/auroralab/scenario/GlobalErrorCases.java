package dev.auroralab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad Global Database scenarios, each with where the error must point and what it must say. Shared by
 * {@link GlobalScenarioErrorsTest} (the reader) and the command-line test (exit 2 with the same message).
 */
public final class GlobalErrorCases {

    /** Lines 1-8 as in {@link ScenarioErrorsTest}: a single-region cluster. */
    public static final String SINGLE = """
            schemaVersion: 1
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 30
              instances:
                - {id: writer-1, az: us-east-1a, role: writer}
                - {id: reader-1, az: us-east-1b}
            """;

    /** Lines 1-17: the cluster above plus two secondary regions; cases append from line 18. */
    public static final String GLOBAL = SINGLE + """
            secondaries:
              - region: eu-west-1
                azs: [eu-west-1a, eu-west-1b, eu-west-1c]
                latencyMs: 35
                instances:
                  - {id: dublin-1, az: eu-west-1a}
              - region: us-west-2
                azs: [us-west-2a, us-west-2b, us-west-2c]
                latencyMs: 33
            """;

    /** {@link #GLOBAL} on Aurora PostgreSQL (one line longer: engine on line 4), where the managed RPO exists. */
    public static final String GLOBAL_POSTGRES = GLOBAL.replaceFirst("  region: us-east-1\n",
            "  region: us-east-1\n  engine: aurora-postgresql\n");

    /**
     * @param name a sentence, shown as the test's name
     * @param phrases what the message must contain
     */
    public record Case(String name, String yaml, int line, int column, List<String> phrases) {
        @Override
        public String toString() {
            return name;
        }
    }

    private GlobalErrorCases() {
    }

    private static Case of(String name, String yaml, int line, int column, String... phrases) {
        return new Case(name, yaml, line, column, List.of(phrases));
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();

        // ---- secondaries ----
        StringBuilder eleven = new StringBuilder(SINGLE).append("secondaries:\n"); // line 9
        for (int i = 1; i <= 11; i++) { // lines 10-20
            eleven.append("  - {region: r-").append(i).append(", azs: [r-").append(i).append("a, r-").append(i)
                    .append("b, r-").append(i).append("c], latencyMs: 10}\n");
        }
        cases.add(of("an eleventh secondary region is refused at its entry", eleven.toString(), 20, 5,
                "an 11th secondary region 'r-11'", "at most 10 secondary regions"));

        StringBuilder seventeen = new StringBuilder(SINGLE).append("""
                secondaries:
                  - region: eu-west-1
                    azs: [eu-west-1a, eu-west-1b, eu-west-1c]
                    latencyMs: 35
                    instances:
                """); // lines 9-13
        for (int i = 1; i <= 17; i++) { // lines 14-30
            seventeen.append("      - {id: dublin-").append(i).append(", az: eu-west-1a}\n");
        }
        cases.add(of("a seventeenth instance in a secondary region is refused at that instance",
                seventeen.toString(), 30, 9, "a 17th instance 'dublin-17' in secondary region eu-west-1",
                "at most 16 read-only instances"));

        cases.add(of("a secondary region listed twice is refused at the second one",
                GLOBAL + "  - {region: eu-west-1, azs: [x-1a, x-1b, x-1c], latencyMs: 10}\n", 18, 14,
                "secondary region 'eu-west-1' is listed twice (first on line 10)"));
        cases.add(of("the primary's region listed as a secondary is refused",
                GLOBAL + "  - {region: us-east-1, azs: [x-1a, x-1b, x-1c], latencyMs: 10}\n", 18, 14,
                "region 'us-east-1' is the primary region (cluster: region)"));
        cases.add(of("an AZ that is already another region's is refused at that AZ",
                GLOBAL + "  - {region: eu-central-1, azs: [eu-central-1a, us-east-1b, eu-central-1c], latencyMs: 45}\n",
                18, 49, "AZ 'us-east-1b' is already an AZ of region us-east-1", "AZs of its own"));
        cases.add(of("an instance id used in two regions is refused at the second one",
                GLOBAL + "    instances:\n      - {id: reader-1, az: us-west-2a}\n", 19, 14,
                "instance id 'reader-1' is used twice (first on line 8)", "across all regions"));
        cases.add(of("an instance in an AZ of another region is refused at its AZ",
                GLOBAL + "    instances:\n      - {id: oregon-1, az: eu-west-1a}\n", 19, 28,
                "instance 'oregon-1' of secondary region us-west-2 is in AZ 'eu-west-1a', which is in eu-west-1",
                "Use one of: us-west-2a, us-west-2b, us-west-2c"));
        cases.add(of("a negative latency is refused", GLOBAL.replace("latencyMs: 33", "latencyMs: -5"), 17, 16,
                "latencyMs cannot be negative, got -5", "one-way network latency"));
        cases.add(of("a writer in a secondary region is refused at its role",
                GLOBAL + "    instances:\n      - {id: oregon-1, az: us-west-2a, role: writer}\n", 19, 46,
                "instance 'oregon-1' in secondary region us-west-2 cannot be a writer",
                "a secondary region is read-only", "Remove role: writer"));
        cases.add(of("a misspelt key in a secondary region gets a suggestion",
                GLOBAL.replace("latencyMs: 33", "latency: 33"), 17, 5,
                "unknown key 'latency' in a secondary region", "did you mean 'latencyMs'?"));
        cases.add(of("a secondary region without latencyMs is refused",
                GLOBAL.replace("    latencyMs: 33\n", ""), 15, 5,
                "secondary region 'us-west-2' is missing 'latencyMs'", "Add latencyMs: 75"));

        // ---- timeline ----
        String timeline = GLOBAL + "timeline:\n"; // line 18; entries from line 19
        cases.add(of("a switchover to the primary region is refused, listing the secondaries",
                timeline + "  - {at: 10s, do: switchover, target: us-east-1}\n", 19, 39,
                "switchover needs a secondary region, and 'us-east-1' is the primary at 10s",
                "The secondary regions at 10s are: eu-west-1, us-west-2"));
        cases.add(of("a global failover to an unknown region suggests the nearest secondary",
                timeline + "  - {at: 10s, do: failover-global, target: eu-west-2}\n", 19, 44,
                "failover-global needs a secondary region, and 'eu-west-2' is not a region of this scenario",
                "eu-west-1, us-west-2 (did you mean 'eu-west-1'?)"));
        cases.add(of("a detached region is no longer a secondary",
                timeline + "  - {at: 10s, do: detach-and-promote, target: eu-west-1}\n"
                        + "  - {at: 20s, do: switchover, target: eu-west-1}\n", 20, 39,
                "'eu-west-1' was detached at 10s", "The secondary regions at 20s are: us-west-2"));
        cases.add(of("after a switchover the new primary is no longer a secondary",
                timeline + "  - {at: 10s, do: switchover, target: eu-west-1}\n"
                        + "  - {at: 30s, do: set-write-forwarding, target: eu-west-1, consistency: session}\n",
                20, 49, "'eu-west-1' is the primary at 30s (it became the primary at 10s)",
                "The secondary regions at 30s are: us-east-1, us-west-2"));
        cases.add(of("roles follow time order, not file order",
                timeline + "  - {at: 30s, do: failover-global, target: eu-west-1}\n"
                        + "  - {at: 10s, do: detach-and-promote, target: eu-west-1}\n", 19, 44,
                "'eu-west-1' was detached at 10s"));
        cases.add(of("a global action in a single-region scenario is refused",
                SINGLE + "timeline:\n  - {at: 10s, do: switchover, target: eu-west-1}\n", 10, 39,
                "'eu-west-1' is not a region of this scenario", "This scenario has no secondary region at 10s"));
        cases.add(of("an unknown read consistency is refused with the levels",
                timeline + "  - {at: 10s, do: set-write-forwarding, target: eu-west-1, consistency: strong}\n",
                19, 73, "unknown consistency 'strong'", "Use one of: eventual, session, global, off"));
        cases.add(of("write forwarding without a consistency is refused",
                timeline + "  - {at: 10s, do: set-write-forwarding, target: eu-west-1}\n", 19, 5,
                "set-write-forwarding is missing 'consistency'"));
        // the managed RPO is an Aurora PostgreSQL parameter: its value checks run on a PostgreSQL cluster (one line
        // longer), and on Aurora MySQL the action itself is refused
        String postgres = timeline.replaceFirst("  region: us-east-1\n", "  region: us-east-1\n  engine: aurora-postgresql\n");
        cases.add(of("a managed RPO under 20 seconds is refused with the minimum",
                postgres + "  - {at: 10s, do: set-managed-rpo, seconds: 10s}\n", 20, 45,
                "a managed RPO of 10s is below the minimum of 20 s", "rds.global_db_rpo takes 20 seconds or more"));
        cases.add(of("a managed RPO that is not whole seconds is refused",
                postgres + "  - {at: 10s, do: set-managed-rpo, seconds: 20.5s}\n", 20, 45,
                "a managed RPO of 20.5s is not a whole number of seconds"));
        cases.add(of("a managed RPO without a unit is refused",
                postgres + "  - {at: 10s, do: set-managed-rpo, seconds: 20}\n", 20, 45,
                "seconds '20' has no unit"));
        cases.add(of("a managed RPO on Aurora MySQL is refused: it is a PostgreSQL parameter",
                timeline + "  - {at: 10s, do: set-managed-rpo, seconds: 20s}\n", 19, 19,
                "is an Aurora PostgreSQL parameter; this cluster runs Aurora MySQL",
                "Write engine: aurora-postgresql under cluster:"));
        cases.add(of("an unknown engine is refused with the two Aurora engines",
                timeline.replaceFirst("  region: us-east-1\n", "  region: us-east-1\n  engine: aurora-oracle\n"),
                4, 11, "unknown engine 'aurora-oracle'", "aurora-mysql, aurora-postgresql"));
        cases.add(of("a managed RPO in a single-region scenario is refused",
                SINGLE + "timeline:\n  - {at: 10s, do: set-managed-rpo, seconds: 20s}\n", 10, 19,
                "set-managed-rpo needs a global database", "Add a secondary region under secondaries:"));
        cases.add(of("a region outage of an unknown region is refused",
                timeline + "  - {at: 10s, do: fail-region, target: eu-west-3}\n", 19, 40,
                "region 'eu-west-3' is not a region of this scenario",
                "Use one of: us-east-1, eu-west-1, us-west-2 (did you mean 'eu-west-1'?)"));
        cases.add(of("a secondary's segment in an AZ of another region is refused",
                timeline + "  - {at: 10s, do: fail-segment, target: eu-west-1/pg-0/us-west-2a/1}\n", 19, 41,
                "AZ 'us-west-2a' in segment address 'eu-west-1/pg-0/us-west-2a/1' is not one of eu-west-1's AZs",
                "eu-west-1a, eu-west-1b, eu-west-1c"));
        cases.add(of("a short segment address in a secondary's AZ is told to name the region",
                timeline + "  - {at: 10s, do: fail-segment, target: pg-0/eu-west-1a/1}\n", 19, 41,
                "AZ 'eu-west-1a' in segment address 'pg-0/eu-west-1a/1' is in secondary region eu-west-1",
                "Name the region first: eu-west-1/pg-0/eu-west-1a/1"));
        cases.add(of("a segment address in an unknown region is refused",
                timeline + "  - {at: 10s, do: destroy-segment, target: ap-south-1/pg-0/ap-south-1a/1}\n", 19, 44,
                "region 'ap-south-1' in segment address 'ap-south-1/pg-0/ap-south-1a/1' is not a region"));
        StringBuilder full = new StringBuilder(SINGLE).append("""
                secondaries:
                  - region: eu-west-1
                    azs: [eu-west-1a, eu-west-1b, eu-west-1c]
                    latencyMs: 35
                    instances:
                """); // lines 9-13
        for (int i = 1; i <= 16; i++) { // lines 14-29
            full.append("      - {id: dublin-").append(i).append(", az: eu-west-1b}\n");
        }
        full.append("timeline:\n  - {at: 10s, do: add-replica, id: dublin-17, az: eu-west-1c}\n"); // line 31
        cases.add(of("adding a seventeenth instance to a secondary region is refused", full.toString(), 31, 36,
                "adding 'dublin-17' at 10s makes a 17th instance in secondary region eu-west-1",
                "at most 16 read-only instances"));

        // ---- expectations ----
        String expect = GLOBAL + "expect:\n"; // line 18; entries from line 19
        cases.add(of("an expectation on an unknown region is refused at the region",
                expect + "  - {at: end, regionRole: {eu-west-9: primary}}\n", 19, 28,
                "region 'eu-west-9' is not a region of this scenario", "did you mean 'eu-west-1'?"));
        cases.add(of("an unknown writer region is refused",
                expect + "  - {at: end, writerRegion: ap-east-1}\n", 19, 29,
                "region 'ap-east-1' is not a region of this scenario", "us-east-1, eu-west-1, us-west-2"));
        cases.add(of("an unknown region role is refused with the roles",
                expect + "  - {at: end, regionRole: {eu-west-1: primry}}\n", 19, 39,
                "unknown region role 'primry'", "primary, secondary, detached, down", "did you mean 'primary'?"));
        cases.add(of("a negative lag bound is refused",
                expect + "  - {at: end, regionLagMillisAtMost: {eu-west-1: -1}}\n", 19, 50,
                "a lag bound must be 0 or more, not -1", "whole milliseconds"));
        cases.add(of("a misspelt region expectation gets a suggestion",
                expect + "  - {at: end, regionLagMilisAtMost: {eu-west-1: 1}}\n", 19, 15,
                "unknown key 'regionLagMilisAtMost' in an expectation", "did you mean 'regionLagMillisAtMost'?"));
        cases.add(of("a stale-read check on an unknown region is refused",
                expect + "  - {at: end, staleReadsSeen: {eu-west-1: true, us-west-1: false}}\n", 19, 49,
                "region 'us-west-1' is not a region of this scenario"));
        cases.add(of("a protection group of an unknown region is refused",
                expect + "  - {at: end, pg: ap-south-1/pg-0, segmentsUp: 6}\n", 19, 19,
                "region 'ap-south-1' in pg 'ap-south-1/pg-0' is not a secondary region",
                "Use one of: eu-west-1, us-west-2"));
        return cases;
    }
}
