package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.teach.SingleFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The "distance to failure" overlay's state for the window: whether it is shown (key D, View menu, the bar's toggle),
 * and the {@link FailureDistance} of the snapshot on screen, which the topology marks, the tooltip and the inspector
 * read.
 *
 * <p>The analysis is worked out again only when something it reads has changed (copies' states, quorums, instances,
 * the failover, regions), not on every frame: a frame's snapshot differs from the last in its clock, LSNs and
 * messages, which the analysis does not read. It takes about a millisecond for a built-in scenario and about ten
 * for the 256 TiB volume (groups judged once per shape: decision 0026), but the first time for a huge volume,
 * before the JIT has compiled it, it takes a tenth of a second or more: so a volume of
 * {@link #BACKGROUND_FROM_COPIES} copies or more is worked out on a worker thread, one analysis at a time, and the
 * picture keeps the last answer meanwhile and says so ({@link #pendingNote()}: "working it out", or "updating").
 */
public final class DistanceOverlay {

    /** The key that turns it on and off (plain D: Ctrl+D is the next theme). */
    public static final KeyCode KEY = KeyCode.D;

    /** From this many copies (every region's; 3,334 groups, 33 TiB) the analysis runs off the JavaFX thread. */
    public static final int BACKGROUND_FROM_COPIES = 20_000;

    /** One worker for every window: an analysis at a time, on a daemon thread that never keeps the JVM alive. */
    private static ExecutorService worker;

    private final SimulationViewModel vm;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "distanceShown", false);
    private EngineSnapshot lastSnapshot;
    private long lastSignature;
    private FailureDistance last;
    /** Whether {@link #last} is not the analysis of the snapshot on screen (one is being worked out). */
    private boolean stale;
    private boolean inFlight;
    private int groupsInFlight;
    private Runnable onReady = () -> {
    };
    private int backgroundFromCopies = BACKGROUND_FROM_COPIES;

    public DistanceOverlay(SimulationViewModel vm) {
        this.vm = vm;
        // turned off and on again, the snapshot on screen is looked at afresh
        shown.addListener((o, a, b) -> lastSnapshot = null);
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    public void setShown(boolean on) {
        shown.set(on);
    }

    public void toggle() {
        shown.set(!shown.get());
        if (vm.snapshot() != null) {
            FailureDistance d = current();
            vm.tell(shown.get() ? (d != null ? d.caption(null) : pendingNote() != null
                    ? "Distance to failure: " + pendingNote() : "Distance to failure on") + " (D turns it off)"
                    : "Distance to failure off");
        }
    }

    /** The View menu's item, with its key, following the state whichever way it was changed. */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem("Distance to failure: mark each single fault that stops something");
        item.setAccelerator(new KeyCodeCombination(KEY));
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    /** For a test: from how many copies the analysis runs on the worker (1: always). */
    void backgroundFromCopies(int copies) {
        this.backgroundFromCopies = copies;
    }

    /** What to run when an analysis worked out off the JavaFX thread is ready: the picture's redraw. */
    public void setOnReady(Runnable onReady) {
        this.onReady = onReady;
    }

    /**
     * The distance of the snapshot on screen, or null when the overlay is off or there is no snapshot yet; for a
     * volume of {@link #BACKGROUND_FROM_COPIES} copies or more, the last one worked out (null before the first) while
     * the one of this snapshot is worked out on the worker ({@link #pendingNote()} says so).
     */
    public FailureDistance current() {
        EngineSnapshot s = vm.snapshot();
        if (!shown.get() || s == null) {
            return null;
        }
        if (s == lastSnapshot && (!stale || inFlight)) {
            return last;
        }
        lastSnapshot = s;
        long signature = signature(s);
        if (last != null && signature == lastSignature) {
            stale = false;
            return last;
        }
        int groups = groups(s);
        if (groups * 6L < backgroundFromCopies || !Platform.isFxApplicationThread()) {
            last = FailureDistance.of(s, vm.scenario().cluster().timings());
            lastSignature = signature;
            stale = false;
            return last;
        }
        stale = true;
        if (!inFlight) {
            inFlight = true;
            groupsInFlight = groups;
            dev.auroralab.engine.Timings timings = vm.scenario().cluster().timings();
            worker().execute(() -> {
                FailureDistance d = FailureDistance.of(s, timings);
                Platform.runLater(() -> ready(d, signature));
            });
        }
        return last;
    }

    /** On the JavaFX thread: the worker's analysis is in; the next look at the snapshot decides whether it is current. */
    private void ready(FailureDistance d, long signature) {
        inFlight = false;
        if (!shown.get()) {
            return;
        }
        last = d;
        lastSignature = signature;
        lastSnapshot = null;
        onReady.run();
    }

    /**
     * Works out the distance of the snapshot on screen now, on this thread, whatever the volume's size: for a
     * screenshot, which must show the marks and not "working it out".
     */
    public FailureDistance currentNow() {
        EngineSnapshot s = vm.snapshot();
        if (!shown.get() || s == null) {
            return null;
        }
        if (stale || last == null || signature(s) != lastSignature) {
            last = FailureDistance.of(s, vm.scenario().cluster().timings());
            lastSignature = signature(s);
        }
        lastSnapshot = s;
        stale = false;
        return last;
    }

    /**
     * Null when the marks shown are the snapshot's own; else what the caption adds: "working it out for 26,215
     * protection groups…" before the first answer, "updating…" while a newer one is worked out.
     */
    public String pendingNote() {
        if (!shown.get() || !stale) {
            return null;
        }
        return last == null ? String.format(java.util.Locale.ROOT, "working it out for %,d protection groups…",
                groupsInFlight) : "updating…";
    }

    private static int groups(EngineSnapshot s) {
        int n = 0;
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            n += r.volume().protectionGroups().size();
        }
        return n;
    }

    private static synchronized ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "distance-to-failure");
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    /** The fault of a selected element (a copy, node, AZ, instance or region), or null. */
    public SingleFault faultOf(Selection sel) {
        FailureDistance d = current();
        SingleFault.Kind kind = sel == null ? null : kindOf(sel.kind());
        return d == null || kind == null ? null : d.fault(kind, sel.id());
    }

    /** The fault kind of a selection kind, or null when no single command fails it (a group, an endpoint). */
    public static SingleFault.Kind kindOf(Selection.Kind k) {
        return switch (k) {
            case SEGMENT -> SingleFault.Kind.COPY;
            case STORAGE_NODE -> SingleFault.Kind.STORAGE_NODE;
            case AVAILABILITY_ZONE -> SingleFault.Kind.AZ;
            case INSTANCE -> SingleFault.Kind.INSTANCE;
            case REGION -> SingleFault.Kind.REGION;
            default -> null;
        };
    }

    /** "▲ if it fails: writes stop: pg-0 would reach 3 of 6 copies; writes need 4", for the tooltip; null if none. */
    public String tooltipLine(Selection sel) {
        if (!shown.get() || sel == null) {
            return null;
        }
        if (sel.kind() == Selection.Kind.PROTECTION_GROUP) {
            String summary = groupSummary(sel.id());
            return summary == null ? null : "▲ " + summary;
        }
        SingleFault f = faultOf(sel);
        if (f == null) {
            return kindOf(sel.kind()) == null ? null : "Distance to failure: it is out already";
        }
        return (f.safe() ? "✓ if it fails next: safe (" : "▲ if it fails next: " + f.labelInFull() + " (") + f.reason()
                + ")";
    }

    /** The inspector's rows for the selection: a heading, what failing it would do, why, and the command. */
    public List<InspectorModel.Field> fields(Selection sel) {
        List<InspectorModel.Field> out = new ArrayList<>();
        if (!shown.get() || sel == null) {
            return out;
        }
        if (sel.kind() == Selection.Kind.PROTECTION_GROUP) {
            String summary = groupSummary(sel.id());
            if (summary != null) {
                out.add(new InspectorModel.Field("Distance to failure of " + sel.id(), null));
                out.add(new InspectorModel.Field("one more copy", summary));
            }
            return out;
        }
        SingleFault f = faultOf(sel);
        if (f != null) {
            out.add(new InspectorModel.Field("If " + f.kind().word() + " " + f.id() + " fails next", null));
            out.add(new InspectorModel.Field("effect", (f.safe() ? "✓ " : "▲ ") + f.labelInFull()));
            out.add(new InspectorModel.Field("why", f.reason()));
            out.add(new InspectorModel.Field("the fault", f.fault().describe()));
        }
        return out;
    }

    /**
     * What one more copy of a group would do, by copy: "A, B, D or E: writes stop", or "A or B: read quorum lost · D:
     * writes stop"; null when no copy of it is marked.
     */
    public String groupSummary(String pgId) {
        FailureDistance d = current();
        EngineSnapshot s = vm.snapshot();
        if (d == null || s == null) {
            return null;
        }
        ProtectionGroupSnapshot pg = null;
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            for (ProtectionGroupSnapshot p : r.volume().protectionGroups()) {
                if (p.id().equals(pgId)) {
                    pg = p;
                }
            }
        }
        return pg == null ? null : groupSummary(d, pg);
    }

    /** See {@link #groupSummary(String)}; for a group of any snapshot and its distance. */
    public static String groupSummary(FailureDistance d, ProtectionGroupSnapshot pg) {
        Map<String, List<Character>> byLabel = new LinkedHashMap<>();
        for (SegmentSnapshot seg : pg.segments()) {
            SingleFault f = d.fault(SingleFault.Kind.COPY, seg.id());
            if (f != null && !f.safe()) {
                byLabel.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(seg.letter());
            }
        }
        if (byLabel.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("one more copy, ");
        String sep = "";
        for (Map.Entry<String, List<Character>> e : byLabel.entrySet()) {
            b.append(sep).append(letters(e.getValue())).append(": ").append(e.getKey());
            sep = " · ";
        }
        return b.toString();
    }

    /** "A", "A or B", "A, B or D". */
    private static String letters(List<Character> ls) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ls.size(); i++) {
            b.append(i == 0 ? "" : i == ls.size() - 1 ? " or " : ", ").append(ls.get(i));
        }
        return b.toString();
    }

    /**
     * A hash of everything the analysis reads, and of nothing that moves every frame: the states of the copies, the
     * quorum sets, the instances, the failover, the regions and the managed RPO (and, only while a copy catches up,
     * its SCL and the read points, which decide whether it could serve a read).
     */
    static long signature(EngineSnapshot s) {
        long h = 17;
        h = mix(h, s.region().hashCode());
        h = mix(h, s.failoverInProgress() == null ? 0 : s.failoverInProgress().hashCode() ^ 0x5bd1e995L);
        if (s.global() != null) {
            h = mix(h, s.global().managedRpoSeconds() * 31 + (s.global().commitsBlocked() ? 1 : 0));
        }
        long rpoMicros = s.global() == null ? 0 : s.global().managedRpoSeconds() * 1_000_000;
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            h = mix(h, r.region().hashCode());
            h = mix(h, r.role().ordinal() * 8L + (r.resyncing() ? 4 : 0) + (r.readable() ? 2 : 0)
                    + (rpoMicros > 0 && r.rpoLagMicros() <= rpoMicros ? 1 : 0));
            h = mix(h, r.downAzs().hashCode());
            boolean catchingUp = false;
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                h = mix(h, pg.membershipEpoch());
                for (QuorumTerm t : pg.writeSet()) {
                    h = mix(h, t.hashCode());
                }
                for (SegmentSnapshot seg : pg.segments()) {
                    h = mix(h, seg.id().hashCode() * 31L + seg.state().ordinal() * 2L + (seg.failedByUser() ? 1 : 0));
                    if (seg.state() == dev.auroralab.engine.storage.SegmentState.CATCHING_UP) {
                        catchingUp = true;
                        h = mix(h, seg.scl());
                    }
                }
            }
            for (InstanceSnapshot i : r.instances()) {
                h = mix(h, i.id().hashCode() * 31L + i.status().ordinal() * 4L + i.role().ordinal()
                        + 1000L * i.tier() + i.az().hashCode() * 7L);
                if (catchingUp) {
                    h = mix(h, i.appliedLsn());
                }
            }
            if (catchingUp) {
                h = mix(h, r.durableLsn());
            }
            for (EngineSnapshot.StorageNodeSnapshot n : r.storageNodes()) {
                h = mix(h, n.id().hashCode() * 2L + (n.failed() ? 1 : 0));
            }
        }
        return h;
    }

    private static long mix(long h, long v) {
        long x = h * 0x9E3779B97F4A7C15L + v;
        return x ^ (x >>> 29);
    }
}
