package dev.auroralab.teach;

import dev.auroralab.engine.command.Command;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One element a learner could fail with one command, the command, and what that fault would do next: its effects
 * (empty when it is safe) and one line of why ("pg-0 would reach 3 of 6 copies; writes need 4").
 *
 * @param kind what the element is
 * @param id the element's id as the snapshot names it (a copy's segment id, a node, an AZ, an instance, a region)
 * @param region the region the element belongs to
 * @param fault the one command that fails it
 * @param effects what the fault would do next; empty when it is safe
 * @param reasons one sentence per effect, in the order of {@link FaultEffect}; empty when safe
 * @param writesBackMicros with a {@link FaultEffect#FAILOVER}, how long from the fault until writes are back in the
 *     scenario's model (detection, promotion, recovery, DNS TTL: {@link WriterTimes}); 0 otherwise
 */
public record SingleFault(Kind kind, String id, String region, Command fault, Set<FaultEffect> effects,
        List<String> reasons, long writesBackMicros) {

    /** The elements a learner can fail with one command, with the word a learner reads for each. */
    public enum Kind {
        COPY("copy"), STORAGE_NODE("storage node"), AZ("AZ"), INSTANCE("instance"), REGION("region");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public SingleFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(fault, "fault");
        effects = effects.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(effects));
        reasons = List.copyOf(reasons);
        if (effects.isEmpty() != reasons.isEmpty()) {
            throw new IllegalArgumentException("a fault with effects says why, a safe one says nothing: " + effects
                    + " / " + reasons);
        }
        if (writesBackMicros < 0 || writesBackMicros > 0 && !effects.contains(FaultEffect.FAILOVER)) {
            throw new IllegalArgumentException("only a failover says when writes are back, got " + writesBackMicros
                    + " µs for " + effects);
        }
    }

    /** A fault whose effects, if any, include no failover (or whose failover's length is not known). */
    public SingleFault(Kind kind, String id, String region, Command fault, Set<FaultEffect> effects,
            List<String> reasons) {
        this(kind, id, region, fault, effects, reasons, 0);
    }

    /** Whether the fault changes nothing a learner watches (writes, reads, the read quorum, the writer). */
    public boolean safe() {
        return effects.isEmpty();
    }

    /** The worst effect (the first in {@link FaultEffect}'s order), or null when safe. */
    public FaultEffect worst() {
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                return e;
            }
        }
        return null;
    }

    /** "writes stop", "no writer for minutes · reads stop", or "safe": the effects' short words, worst first. */
    public String label() {
        if (safe()) {
            return "safe";
        }
        StringBuilder b = new StringBuilder();
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                b.append(b.isEmpty() ? "" : " · ").append(shortLabel(e));
            }
        }
        return b.toString();
    }

    /**
     * "failover (writes pause about 27 s, model value) · reads stop", or "safe": the effects' full words, for the
     * inspector.
     */
    public String labelInFull() {
        if (safe()) {
            return "safe";
        }
        StringBuilder b = new StringBuilder();
        for (FaultEffect e : FaultEffect.values()) {
            if (effects.contains(e)) {
                b.append(b.isEmpty() ? "" : " · ").append(label(e));
            }
        }
        return b.toString();
    }

    /**
     * One effect's words drawn on the picture: "failover ~27 s (model)" (the pause from this scenario's timings),
     * else the effect's own ("writes stop").
     */
    public String shortLabel(FaultEffect e) {
        return e == FaultEffect.FAILOVER && writesBackMicros > 0
                ? e.shortLabel() + " ~" + WriterTimes.words(writesBackMicros) + " (model)" : e.shortLabel();
    }

    /** One effect's full words: "failover (writes pause about 27 s, model value)", else the effect's own. */
    public String label(FaultEffect e) {
        return e == FaultEffect.FAILOVER && writesBackMicros > 0
                ? e.shortLabel() + " (writes pause about " + WriterTimes.words(writesBackMicros) + ", model value)"
                : e.label();
    }

    /** The reasons as one line, or "nothing a learner watches changes" when safe. */
    public String reason() {
        return safe() ? "nothing a learner watches changes (writes, reads, quorums, the writer)"
                : String.join("; ", reasons);
    }

    /** "fail segment pg-0/us-east-1b/1 → writes stop: pg-0 would reach 3 of 6 copies; writes need 4". */
    public String describe() {
        return fault.describe() + " → " + labelInFull() + (safe() ? "" : ": " + reason());
    }
}
