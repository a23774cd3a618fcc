package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.FailoverKind;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A "why?" link says every kind of event in the learner's words (issue 14): copies by their letter, no LSN numbers,
 * no milliseconds, no "(s)" or "->", no kind codes; and a command in the words of what it did.
 */
class WhyWordsTest {

    private static final WhyWords WORDS = new WhyWords(WhyTraceTest.playedTo("healthy-cluster", 1_000_000)
            .snapshot());

    /** A plausible value for a component of an event, by its name and type. */
    private static Object value(RecordComponent c) {
        Class<?> t = c.getType();
        String n = c.getName();
        if (t == long.class) {
            return n.contains("Lsn") || n.equals("scl") || n.equals("vdl") || n.equals("lsn") ? 159_680L : 39_000L;
        } else if (t == int.class) {
            return 2;
        } else if (t == boolean.class) {
            return true;
        } else if (t == double.class) {
            return 1000.0;
        } else if (t == FailoverKind.class) {
            return FailoverKind.GLOBAL_FAILOVER;
        } else if (t == List.class) {
            return List.of("us-east-1", "eu-west-1");
        }
        return switch (n) {
            case "segment", "suspect", "replacement", "added", "removed", "returned", "dropped" -> "pg-0/us-east-1b/1";
            case "pg" -> "pg-0";
            case "az", "fromAz" -> "us-east-1c";
            case "region", "fromRegion" -> "eu-west-1";
            case "role" -> "writer";
            case "nodeId" -> "sn-us-east-1a-1";
            case "snapshotName" -> "rds:unplanned-global-failover-us-east-1-0m25s";
            case "consistency" -> "session";
            case "writeSet", "readSet" -> "ABCDEF";
            case "from", "to", "instanceId", "writer", "writerId", "fromInstance" -> "reader-3";
            default -> "plain words";
        };
    }

    /** One event of every kind the engine logs, built from plausible values. */
    static List<AuroraEvent> oneOfEach() throws ReflectiveOperationException {
        List<AuroraEvent> out = new ArrayList<>();
        for (Class<?> kind : AuroraEvent.class.getPermittedSubclasses()) {
            RecordComponent[] parts = kind.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = value(parts[i]);
            }
            Constructor<?> make = kind.getDeclaredConstructor(types);
            out.add((AuroraEvent) make.newInstance(values));
        }
        return out;
    }

    @Test
    void everyKindOfEventIsSaidInTheLearnersWords() throws ReflectiveOperationException {
        List<AuroraEvent> events = oneOfEach();
        assertThat(events).as("every kind the engine logs").hasSize(AuroraEvent.class.getPermittedSubclasses().length)
                .hasSizeGreaterThan(50);
        for (AuroraEvent e : events) {
            WhyTraceTest.assertLearnersWords(WORDS.of(e), e.type() + " (" + e.detail() + ")");
        }
    }

    @Test
    void theEventsTheEngineSaysInItsOwnBookkeepingAreSaidPlainly() {
        assertThat(WORDS.of(new AuroraEvent.GlobalPromotionCompleted(85_000_000, FailoverKind.GLOBAL_FAILOVER,
                "us-east-1", "us-west-2", "oregon-reader-1", 60_000_000)))
                .isEqualTo("global failover (data loss) done: oregon-reader-1 in us-west-2 takes writes, 60.0 s after it"
                        + " was asked for");
        assertThat(WORDS.of(new AuroraEvent.CrashRecoveryCompleted(32_000_000, "reader-3", 40_008, 10_040_008, 2)))
                .isEqualTo("reader-3 recovered the volume: what no write quorum held is dropped, and volume epoch 2"
                        + " fences the old writer");
        assertThat(WORDS.of(new AuroraEvent.SegmentRestored(20_000_000, "pg-0/us-east-1b/1")))
                .isEqualTo("copy C of pg-0 back, catching up by gossip");
        assertThat(WORDS.of(new AuroraEvent.AcknowledgedWritesLost(25_000_000, 1, "crash recovery found it on no"
                + " reachable copy"))).startsWith("1 acknowledged write lost: ");
        assertThat(WORDS.of(new AuroraEvent.GlobalPromotionStarted(25_000_000, FailoverKind.GLOBAL_FAILOVER,
                "us-east-1", "us-west-2", 159_680, 160, 39_000)))
                .isEqualTo("global failover from us-east-1 to us-west-2 started: 160 acknowledged writes not yet in"
                        + " us-west-2 are lost (RPO 0.039 s)");
    }

    @Test
    void aCommandIsSaidAsWhatItDid() {
        assertThat(WORDS.command("restore instance writer-1")).isEqualTo("writer-1 restored");
        assertThat(WORDS.command("fail segment pg-0/us-east-1b/1")).isEqualTo("copy C of pg-0 down");
        assertThat(WORDS.command("restore AZ us-east-1c")).isEqualTo("AZ us-east-1c back");
        assertThat(WORDS.command("fail over the global database to us-west-2 (allow data loss)"))
                .isEqualTo("global failover to us-west-2 asked for, data loss allowed");
        assertThat(WORDS.command("fail over")).isEqualTo("failover asked for");
        assertThat(WORDS.command("set managed RPO to 20 s")).as("the rest as the command says it")
                .isEqualTo("set managed RPO to 20 s");
    }
}
