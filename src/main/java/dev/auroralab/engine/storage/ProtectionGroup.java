package dev.auroralab.engine.storage;

import dev.auroralab.engine.ModelValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A protection group: six copies of one 10 GB piece of the volume, two in each of three AZs, and the quorum sets that
 * say which of them a write or a read must reach.
 *
 * <p>Aurora: V = 6, Vw = 4, Vr = 3 (P17 §2.1). A suspect copy F is replaced by G through an epoch-numbered membership
 * change: while it runs, a write needs 4/6 of ABCDEF AND 4/6 of ABCDEG, a read 3/6 of ABCDEF OR 3/6 of ABCDEG; if F
 * returns the change rolls back, if G catches up first it commits to ABCDEG; two concurrent changes give the AND of
 * four terms (P18 §4). During a long AZ loss the quorum model itself can change to 3 of the 4 copies left (P18 §4.1).
 *
 * <p>Model: each of the six copy positions is a {@link Slot} with its current copy and at most one replacement in
 * flight, so the quorum terms are the product of the slots' choices. The degraded model drops the two slots of one AZ.
 * Full and tail segments (P18 §4.2) are not modelled: every copy holds redo and pages.
 */
public final class ProtectionGroup {

    /** One of the six copy positions, named by address: PG / AZ / copy 1 or 2. */
    public static final class Slot {
        private final String address;
        private final String az;
        private Segment current;
        private Segment replacement;

        Slot(String address, String az) {
            this.address = address;
            this.az = az;
        }

        public String address() {
            return address;
        }

        public String az() {
            return az;
        }

        public Segment current() {
            return current;
        }

        public Segment replacement() {
            return replacement;
        }
    }

    private final String id;
    private final int index;
    private final int regionIndex;
    private final int sizeGiB;
    private final BoxcarLog log;
    private final Slot[] slots = new Slot[ModelValues.COPIES_PER_PG];
    /**
     * Every copy ever created here, in letter order (A at 0): retired ones too, so a late message naming a copy by its
     * letter still finds it. Bounded by six plus the replacements.
     */
    private final List<Segment> segments = new ArrayList<>(8);
    private char nextLetter = 'A';
    private long membershipEpoch = 1;
    /** Null in the normal 4/6 model; the AZ left out while the degraded 3/4 model is in force. */
    private String degradedExcludedAz;
    /** The writer's PG complete point, as a boxcar index: the quorum-acknowledged prefix. */
    private int pgclBoxcar = -1;
    /** The last boxcar index staged to S3 by continuous backup. */
    private int stagedBoxcar = -1;
    /** Whether a gossip round is already scheduled for this group (so a second one is not). */
    private boolean gossipScheduled;
    /**
     * The boxcars the writer had sent this group when its next gossip round was scheduled (the log's size then): by
     * the time the round runs they have all landed or been lost, so one no reachable copy holds is sent again.
     */
    private int sentWhenGossipScheduled;
    /** The volume this group belongs to, told of every change that moves its aggregates; null until attached. */
    private Volume volume;
    boolean vclDirty;
    boolean readDirty;
    boolean quorumDirty;
    /** allCopies() as last built (read-only); null once the membership changed. */
    private List<Segment> copiesView;
    /** The quorum terms, gauges and acknowledged prefix, with their caches (new ones for a copy). */
    private final QuorumSets quorum = new QuorumSets(this);

    public ProtectionGroup(String id, int index, int sizeGiB) {
        this(id, 0, index, sizeGiB, new BoxcarLog());
    }

    /** A group of the volume of region number {@code regionIndex} (0 is the primary's), position {@code index}. */
    public ProtectionGroup(String id, int regionIndex, int index, int sizeGiB) {
        this(id, regionIndex, index, sizeGiB, new BoxcarLog());
    }

    private ProtectionGroup(String id, int regionIndex, int index, int sizeGiB, BoxcarLog log) {
        this.id = id;
        this.regionIndex = regionIndex;
        this.index = index;
        this.sizeGiB = sizeGiB;
        this.log = log;
        log.owner = this;
    }

    /** Joins {@code v}: from now on this group tells it when its VCL limit, read limit or quorum may have moved. */
    void attach(Volume v) {
        this.volume = v;
        vclDirty = false;
        readDirty = false;
        quorumDirty = false;
    }

    /** A copy changed state, or the membership changed: the quorum, the gauges and the read limit may move. */
    void copiesChanged() {
        copiesView = null;
        quorum.forget();
        if (volume != null) {
            volume.markQuorum(this);
            volume.markRead(this);
        }
    }

    /** A copy's complete prefix moved: the read limit may move. */
    void prefixChanged() {
        if (volume != null) {
            volume.markRead(this);
        }
    }

    /** The log grew or was cut: the VCL limit and the read limit may move. */
    void logChanged() {
        if (volume != null) {
            volume.markVcl(this);
            volume.markRead(this);
        }
    }

    /**
     * The highest read point this group can serve now: a read at or below it finds a reachable copy whose complete
     * prefix reaches the last boxcar starting at or below the read point (the read path's own test); MIN_VALUE when
     * none can, MAX_VALUE when any can.
     */
    long readLimitLsn() {
        Segment best = mostCompleteReadable(null);
        int bestPrefix = best == null ? -1 : best.prefix();
        int floor = log.firstKept() == 0 ? -1 : log.firstKept() - 1;
        if (log.size() == 0) {
            return Long.MAX_VALUE;
        }
        if (bestPrefix < floor) {
            return Long.MIN_VALUE;
        }
        return bestPrefix + 1 >= log.size() ? Long.MAX_VALUE : log.firstLsn(bestPrefix + 1) - 1;
    }

    /**
     * An independent copy of this group for a copied engine: the same id, index and size, a copy of the log, and a new
     * {@link Segment} for every copy ever created here (retired ones too) with the same fields, placed on
     * {@code nodeOf.apply(its node)} (the copied engine's node), in copied slots; the letter counter, membership
     * epoch, degraded model, PGCL, staged boxcar and gossip flag (with the log's size when it was set) are the same.
     * Changing either group or its segments afterwards leaves the other alone.
     */
    public ProtectionGroup copy(Function<StorageNode, StorageNode> nodeOf) {
        ProtectionGroup c = new ProtectionGroup(id, regionIndex, index, sizeGiB, log.copy());
        for (Segment s : segments) {
            c.segments.add(s.copyFor(c, nodeOf.apply(s.node())));
        }
        for (int i = 0; i < slots.length; i++) {
            Slot from = slots[i];
            if (from == null) {
                continue;
            }
            Slot to = new Slot(from.address, from.az);
            to.current = from.current == null ? null : c.segmentByLetter(from.current.letter());
            to.replacement = from.replacement == null ? null : c.segmentByLetter(from.replacement.letter());
            c.slots[i] = to;
        }
        c.nextLetter = nextLetter;
        c.membershipEpoch = membershipEpoch;
        c.degradedExcludedAz = degradedExcludedAz;
        c.pgclBoxcar = pgclBoxcar;
        c.stagedBoxcar = stagedBoxcar;
        c.gossipScheduled = gossipScheduled;
        c.sentWhenGossipScheduled = sentWhenGossipScheduled;
        return c;
    }

    /**
     * The copy named {@code letter} in this group, retired ones included (a message sent to a copy before it was
     * replaced still reaches it, and finds it retired), or null when no copy had that letter.
     */
    public Segment segmentByLetter(char letter) {
        int i = letter - 'A';
        if (i < 0 || i >= segments.size()) {
            return null;
        }
        Segment s = segments.get(i);
        return s.letter() == letter ? s : null;
    }

    public boolean gossipScheduled() {
        return gossipScheduled;
    }

    public void setGossipScheduled(boolean scheduled) {
        this.gossipScheduled = scheduled;
        if (scheduled) {
            sentWhenGossipScheduled = log.size();
        }
    }

    /** How many boxcars the writer had sent this group when its pending gossip round was scheduled. */
    public int sentWhenGossipScheduled() {
        return sentWhenGossipScheduled;
    }

    private Segment create(String id, StorageNode node, int slotIndex) {
        Segment s = new Segment(id, nextLetter++, this, node, slotIndex);
        segments.add(s);
        return s;
    }

    /** Places the first copy of slot {@code slotIndex} (called six times when the volume is built). */
    public Segment placeInitial(int slotIndex, String az, int copyNumber, StorageNode node) {
        String address = id + "/" + az + "/" + copyNumber;
        Slot slot = new Slot(address, az);
        slots[slotIndex] = slot;
        slot.current = create(address, node, slotIndex);
        copiesView = null;
        return slot.current;
    }

    public String id() {
        return id;
    }

    /** The position of this group's region in the engine's regions (0 is the scenario's primary). */
    public int regionIndex() {
        return regionIndex;
    }

    public int index() {
        return index;
    }

    public int sizeGiB() {
        return sizeGiB;
    }

    public BoxcarLog log() {
        return log;
    }

    public List<Slot> slots() {
        return List.of(slots);
    }

    public Slot slot(int i) {
        return slots[i];
    }

    public long membershipEpoch() {
        return membershipEpoch;
    }

    public String degradedExcludedAz() {
        return degradedExcludedAz;
    }

    public int pgclBoxcar() {
        return pgclBoxcar;
    }

    public void setPgclBoxcar(int boxcar) {
        this.pgclBoxcar = boxcar;
        if (volume != null) {
            volume.markVcl(this);
        }
    }

    /** PGCL as an LSN: the last record of the quorum-complete prefix (P18 §2.3). */
    public long pgcl() {
        return log.sclOf(pgclBoxcar);
    }

    /**
     * The highest LSN this PG lets VCL reach: just below its first record not yet at quorum, or unlimited when every
     * record it was sent is at quorum. VCL is the lowest of these over the volume (P18 §2.3, Fig. 3).
     */
    public long vclLimit() {
        return log.completeThrough(pgclBoxcar);
    }

    /** VCL of a volume: no record at or below it misses a quorum in any PG, capped at the highest LSN allocated. */
    public static long volumeCompleteLsn(List<ProtectionGroup> pgs, long maxAllocatedLsn) {
        long limit = maxAllocatedLsn;
        for (ProtectionGroup pg : pgs) {
            limit = Math.min(limit, pg.vclLimit());
        }
        return limit;
    }

    public int stagedBoxcar() {
        return stagedBoxcar;
    }

    public void setStagedBoxcar(int boxcar) {
        this.stagedBoxcar = boxcar;
    }

    // ---- membership ---------------------------------------------------------------------------------------------

    /** Whether a slot takes part in the quorum model in force (all six, or the four outside the excluded AZ). */
    public boolean active(Slot slot) {
        return degradedExcludedAz == null || !degradedExcludedAz.equals(slot.az);
    }

    public int writeQuorumSize() {
        return degradedExcludedAz == null ? ModelValues.WRITE_QUORUM : ModelValues.DEGRADED_WRITE_QUORUM;
    }

    public int readQuorumSize() {
        return degradedExcludedAz == null ? ModelValues.READ_QUORUM : ModelValues.DEGRADED_READ_QUORUM;
    }

    public int copiesInModel() {
        return degradedExcludedAz == null ? ModelValues.COPIES_PER_PG : ModelValues.DEGRADED_COPIES;
    }

    /** Every copy that boxcars go to: current copies and replacements, of the active slots. */
    public List<Segment> writeTargets() {
        List<Segment> out = new ArrayList<>(8);
        for (Slot s : slots) {
            if (!active(s)) {
                continue;
            }
            out.add(s.current);
            if (s.replacement != null) {
                out.add(s.replacement);
            }
        }
        return out;
    }

    /** Every copy this PG knows, including ones outside the degraded model (they still gossip and come back). */
    public List<Segment> allCopies() {
        if (copiesView == null) {
            List<Segment> out = new ArrayList<>(8);
            for (Slot s : slots) {
                out.add(s.current);
                if (s.replacement != null) {
                    out.add(s.replacement);
                }
            }
            copiesView = List.copyOf(out);
        }
        return copiesView;
    }

    /** Starts replacing the copy in {@code slot} with a new copy on {@code node} (P18 §4): bumps the epoch. */
    public Segment beginReplacement(Slot slot, StorageNode node, int generation) {
        copiesChanged();
        Segment g = create(slot.address + "#" + generation, node, indexOf(slot));
        g.setState(SegmentState.REPLACING);
        slot.replacement = g;
        copiesView = null;
        membershipEpoch++;
        return g;
    }

    /** The replacement caught up and the old copy is still gone: the slot now holds the replacement alone. */
    public Segment commitReplacement(Slot slot) {
        copiesChanged();
        Segment old = slot.current;
        slot.current = slot.replacement;
        slot.replacement = null;
        copiesView = null;
        membershipEpoch++;
        return old;
    }

    /** The old copy came back first: the replacement is dropped and the slot is back to the old copy. */
    public Segment rollBackReplacement(Slot slot) {
        copiesChanged();
        Segment g = slot.replacement;
        slot.replacement = null;
        copiesView = null;
        membershipEpoch++;
        return g;
    }

    /**
     * Copies outside {@code az} that are reachable with their data (up, or catching up by gossip): what a 3-of-4 model
     * leaving {@code az} out would start from. A replacement still being filled does not count.
     */
    private int reachableCopiesOutside(String az) {
        int n = 0;
        for (Slot s : slots) {
            if (!s.az.equals(az) && (s.current.state() == SegmentState.UP
                    || s.current.state() == SegmentState.CATCHING_UP)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether this group may move to the degraded 3-of-4 model leaving {@code az} out (P18 §4.1). Only when it makes
     * sense: {@code az} is the only AZ of its region out, the group leaves no other AZ out already, and it reaches at
     * least 3 of its 4 copies in the other two AZs (the new model's write quorum; a membership is rebuilt from a read
     * quorum, P17 §2.1). With a second AZ out there is no quorum to change the membership with, and 3 of 4 could not
     * take writes anyway (decision 0002).
     */
    public boolean mayEnterDegradedModel(String az, boolean onlyAzOutInItsRegion) {
        return onlyAzOutInItsRegion && degradedExcludedAz == null
                && reachableCopiesOutside(az) >= ModelValues.DEGRADED_WRITE_QUORUM;
    }

    /** Whether a group in the degraded model may leave it: its AZ is back and every copy there is up again. */
    public boolean mayLeaveDegradedModel(boolean excludedAzDown) {
        if (degradedExcludedAz == null || excludedAzDown) {
            return false;
        }
        for (Slot slot : slots) {
            if (slot.az.equals(degradedExcludedAz) && slot.current.state() != SegmentState.UP) {
                return false;
            }
        }
        return true;
    }

    public void enterDegradedModel(String excludedAz) {
        copiesChanged();
        degradedExcludedAz = excludedAz;
        membershipEpoch++;
    }

    public void leaveDegradedModel() {
        copiesChanged();
        degradedExcludedAz = null;
        membershipEpoch++;
    }

    private int indexOf(Slot slot) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        throw new IllegalArgumentException(slot.address);
    }

    // ---- quorum sets (worked out by QuorumSets) --------------------------------------------------------------------

    /** The quorum terms in force, each a list of copies: ABCDEF, or ABCDEF and ABCDEG during a change, etc. */
    public List<List<Segment>> quorumTerms() {
        return quorum.terms();
    }

    /** Fewest copies accepting writes over all terms: the number a write-quorum gauge shows. */
    public int writableCopies() {
        return quorum.writableCopies();
    }

    /** Most copies reachable with their data over all terms: the number a read-quorum gauge shows. */
    public int readableCopies() {
        return quorum.readableCopies();
    }

    /** Write set = AND over terms of Vw (P18 §4). */
    public boolean writeQuorumHeld() {
        return writableCopies() >= writeQuorumSize();
    }

    /** Read set = OR over terms of Vr (P18 §4). */
    public boolean readQuorumHeld() {
        return readableCopies() >= readQuorumSize();
    }

    /** Copies of the active slots (current ones) that accept writes: the "segments up" a learner counts. */
    public int segmentsUp() {
        int n = 0;
        for (Slot s : slots) {
            if (s.current.state().accepting()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The PG complete point the writer may claim from the acknowledged prefixes: for each term, the Vw-th highest
     * acknowledged prefix; the PG is complete up to the lowest of those (the AND of the terms).
     */
    public int quorumAckedPrefix() {
        return quorum.ackedPrefix();
    }

    /** The copy serving reads with the longest complete prefix, other than {@code except}; null when none. */
    public Segment mostCompleteReadable(Segment except) {
        Segment best = null;
        for (Segment s : allCopies()) {
            if (s != except && s.servesReads() && (best == null || s.prefix() > best.prefix())) {
                best = s;
            }
        }
        return best;
    }
}
