package dev.auroralab.teach;

import dev.auroralab.teach.MythCard.Demonstration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The myth/fact cards, in the order of aurora-reference §8: the mistakes the document this project started from made,
 * each answered from the sources and, where a run can show it, by a built-in scenario.
 *
 * <p>Every number on a card cites its source in parentheses in the same sentence ({@link #SOURCES} says what each
 * tag is); a number that comes from the model (a timing, a count the engine derives) says "model" in its sentence.
 * MythCardsTest checks both, and runs each demonstration to check the engine still shows what the card says.
 */
public final class MythCards {

    /**
     * What each source tag stands for (aurora-reference.md, top and §8). A card's source is a tag, or a tag and a
     * place in it: "P17 §6.1", "UG-2023".
     */
    public static final Map<String, String> SOURCES = sources();

    /** The cards, in the order of aurora-reference §8. */
    public static final List<MythCard> ALL = List.of(
            new MythCard("ha-by-default-10-minute-failover",
                    "Aurora is highly available by default, but a failover takes 10 minutes.",
                    "The storage is highly available from the start: six copies of every segment, two in each of"
                            + " three AZs (P17 §2.1). The compute is not: with no replica, a writer whose instance is"
                            + " lost is recreated, typically in under 10 minutes (UG-2023). With a replica, Aurora"
                            + " promotes it instead, and service is typically back in under 60 seconds, often under"
                            + " 30 (UG).",
                    List.of("P17 §2.1", "UG-2023", "UG"),
                    new Demonstration("writer-crash-no-replica", 25_000_000,
                            "At 0:30 the writer's instance is lost and there is no replica to promote: reads and"
                                    + " writes stop until the writer is recreated, about 5 minutes later (a model"
                                    + " value). Open writer-crash-failover-by-tier to see the same loss with"
                                    + " replicas: a replica takes over in under 30 s (model run)."),
                    ""),
            new MythCard("rds-multi-az-is-six-copies",
                    "RDS Multi-AZ is the same thing as Aurora's six copies.",
                    "They are different designs. An RDS Multi-AZ DB instance keeps one synchronous standby that serves"
                            + " no reads and fails over in 60 to 120 s; a Multi-AZ DB cluster has two readable standbys"
                            + " and fails over in under 35 s (RDS UG). Aurora has no standby: one shared volume keeps"
                            + " six copies in three AZs and writes to any 4 of them (P17 §2.1), and up to 15 readable"
                            + " replicas on that volume are the failover targets (UG).",
                    List.of("RDS UG", "P17 §2.1", "UG"),
                    new Demonstration("lose-an-az", 8_000_000,
                            "At 0:10 us-east-1c goes out with two copies of every protection group and reader-2."
                                    + " Four copies are left, a write quorum: writes go on with no failover, and"
                                    + " reader-1 keeps serving reads from the same volume."),
                    "The model simulates Aurora only: there is no RDS Multi-AZ run to compare with yet."),
            new MythCard("up-to-128-tb",
                    "Aurora storage auto-expands up to 128 TB.",
                    "The unit is TiB, and the limit depends on the version. The 2017 paper described 64 TB volumes"
                            + " (P17); the 2023 User Guide says 128 TiB, or 64 TiB on older versions (UG-2023); the"
                            + " current Aurora FAQ says the volume grows automatically up to 256 TiB, in 10 GiB steps"
                            + " (Aurora FAQ). Check the limit of the version you run.",
                    List.of("P17", "UG-2023", "Aurora FAQ"),
                    new Demonstration("largest-volume", 0,
                            "A 256 TiB volume, the largest the model accepts: 26,215 protection groups of 10 GiB"
                                    + " (the model's split), six copies each. The picture draws the first groups and"
                                    + " counts the rest under them. It opens in seconds and plays slowly, as every"
                                    + " frame walks all the groups; a volume one GiB larger is refused."),
                    "The volume does not grow while a scenario runs: its size is set in the file."),
            new MythCard("15-replicas-across-regions",
                    "Aurora has 15 read replicas across multiple Regions.",
                    "A cluster has up to 15 read replicas, all in its own Region (UG). Readers in other Regions come"
                            + " from Aurora Global Database: up to 10 secondary Regions, each with up to 16 read-only"
                            + " instances on its own copy of the storage (UG), or from binlog replication. With s"
                            + " secondary Regions, the primary cluster keeps at most 15 − s replicas (UG).",
                    List.of("UG"),
                    new Demonstration("global-write-forwarding", 10_000_000,
                            "The primary cluster is us-east-1: a writer and one replica. The readers in"
                                    + " eu-west-1, us-west-2 and eu-central-1 are not its replicas: each Region is a"
                                    + " secondary cluster with its own six-copy volume, fed by storage-level"
                                    + " replication (see the lag beside each Region). With three secondaries, the"
                                    + " engine lets the primary hold at most 12 replicas (15 − 3, UG)."),
                    "Binlog replication is not modelled."),
            new MythCard("200k-writes-per-second",
                    "Aurora does 200K writes per second.",
                    "None of the sources gives that figure. The 2017 paper measured about 121,000 writes per second on an"
                            + " r3.8xlarge, and about 100,000 in other runs (P17 §6.1). What an instance sustains"
                            + " depends on its size, the engine version and the workload: a figure like this is one"
                            + " benchmark's result, not a limit.",
                    List.of("P17 §6.1"),
                    null,
                    "No run can show this: the model does not measure throughput. A scenario sets the write rate and"
                            + " the model has no ceiling per instance, so it would play any rate on any instance,"
                            + " which proves nothing about Aurora."),
            new MythCard("5x-mysql",
                    "Aurora is 5× faster than MySQL (and 3× faster than PostgreSQL).",
                    "AWS says \"up to\" 5× the throughput of MySQL and 3× that of PostgreSQL (AWS pages). The figures"
                            + " come from particular benchmarks (P17 §6.1.1), and the same paper reports 35× the"
                            + " transactions of mirrored MySQL in a test bound by network I/O (P17 §3.2). How much"
                            + " faster an application runs depends on its workload, its data and the instance.",
                    List.of("AWS pages", "P17 §6.1.1", "P17 §3.2"),
                    null,
                    "No run can show this: the model simulates Aurora's storage, quorums and failovers, not MySQL or"
                            + " PostgreSQL, and it benchmarks neither."),
            new MythCard("4-copies-write-3-copies-read",
                    "Aurora keeps 4 copies for writes and 3 copies for reads.",
                    "There are six copies of each segment, two in each of three AZs, and every write is sent to all six"
                            + " (P17 §2.1). A write counts once any 4 of them hold it (the write quorum), and any 3"
                            + " of the same six form a read quorum (P17 §2.1). Since 4 + 3 is more than 6, every read"
                            + " quorum shares a copy with every write quorum (P17 §2.1): the numbers are quorum"
                            + " sizes, not separate copies.",
                    List.of("P17 §2.1"),
                    new Demonstration("az-plus-one", 9_000_000,
                            "Before 0:10 every write reaches all six copies of its group. At 0:10 an AZ goes out:"
                                    + " four copies are left and writes go on. At 0:12 one more copy of pg-0 fails:"
                                    + " with three left, writes stop but reads go on from those same copies, until a"
                                    + " replacement copy restores the write quorum about 20 s later (model values)."),
                    ""));

    private MythCards() {
    }

    /** The card with this id, if there is one. */
    public static Optional<MythCard> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The ids, in card order: what the command line lists for an unknown id. */
    public static List<String> ids() {
        return ALL.stream().map(MythCard::id).toList();
    }

    /**
     * The cards the built-in scenario {@code name} demonstrates, in card order: what a lesson or the window links to
     * from that scenario.
     */
    public static List<MythCard> shownBy(String scenarioName) {
        return ALL.stream().filter(c -> c.shownBy().map(d -> d.scenario().equals(scenarioName)).orElse(false))
                .toList();
    }

    /** The tag a source starts with ("P17 §6.1" → "P17"), or null when it names none of {@link #SOURCES}. */
    public static String tagOf(String source) {
        String best = null;
        for (String tag : SOURCES.keySet()) {
            if ((source.equals(tag) || source.startsWith(tag + " ")) && (best == null || tag.length() > best.length())) {
                best = tag;
            }
        }
        return best;
    }

    private static Map<String, String> sources() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("P17", "SIGMOD 2017 paper \"Amazon Aurora: Design Considerations for High Throughput Cloud-Native"
                + " Relational Databases\"");
        m.put("P18", "SIGMOD 2018 paper \"Amazon Aurora: On Avoiding Distributed Consensus for I/Os, Commits, and"
                + " Membership Changes\"");
        m.put("UG", "the Amazon Aurora User Guide, current text");
        m.put("UG-2023", "the Amazon Aurora User Guide, June 2023 text");
        m.put("RDS UG", "the Amazon RDS User Guide (Multi-AZ deployments)");
        m.put("Aurora FAQ", "the Amazon Aurora FAQ on aws.amazon.com");
        m.put("AWS pages", "Aurora's product pages on aws.amazon.com");
        return java.util.Collections.unmodifiableMap(m);
    }
}
