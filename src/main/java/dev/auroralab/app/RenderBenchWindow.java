package dev.auroralab.app;

import atlantafx.base.theme.PrimerLight;
import dev.auroralab.app.RenderBenchCommand.Case;
import dev.auroralab.app.RenderBenchCommand.Report;
import dev.auroralab.app.RenderBenchCommand.Request;
import dev.auroralab.app.RenderBenchCommand.Result;
import dev.auroralab.app.RenderBenchCommand.Stats;
import dev.auroralab.ui.AuroraLabApp;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.topology.GlobalStripView;
import dev.auroralab.ui.topology.TopologyView;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX side of {@code bench-render}: opens the real window on each case, plays it at 1x with its own animation
 * timer (the same work as {@link AuroraLabApp#pulse}, timed), and times the scene's CSS and layout pass with pre- and
 * post-layout pulse listeners. Loaded only when that command runs.
 */
final class RenderBenchWindow {

    /** The same clamp as the app's pulse: a stall must not jump the simulation ahead. */
    private static final long MAX_FRAME_NANOS = 100_000_000L;

    private RenderBenchWindow() {
    }

    static Report measure(Request r) {
        // uncapped pulses unless --capped; the property only counts if it is set before the toolkit starts
        FxStartup fx = FxStartup.start(r.headless(), r.width(), r.height(), !r.capped());
        boolean uncapped = fx.startedHere() && Boolean.getBoolean("javafx.animation.fullspeed");
        try {
            String tooBig = FxStartup.onFxThread(() -> FxStartup.tooBigForScreen(r.width(), r.height()));
            if (tooBig != null) {
                throw new IllegalArgumentException(tooBig);
            }
            List<Result> results = new ArrayList<>();
            boolean first = true;
            for (Case c : r.cases()) {
                results.add(measureCase(c, r, first && fx.startedHere()));
                first = false;
            }
            return new Report(results, fx.headless(), uncapped, fx.startedHere(),
                    System.getProperty("prism.order", "(default)"));
        } finally {
            fx.finish();
        }
    }

    private static Result measureCase(Case c, Request r, boolean fromJvmStart) {
        long measureNanos = (long) (r.seconds() * 1e9);
        Probe[] probe = new Probe[1];
        Stage[] stage = new Stage[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        long buildStartNanos = System.nanoTime();
        FxStartup.onFxThread(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage[0] = new Stage();
            AuroraLabApp.Window w = AuroraLabApp.build(stage[0], c.scenario(), r.width(), r.height());
            Probe p = new Probe(w.vm(), w.view().topology(), w.view().global().strip(), r.warmupNanos(),
                    measureNanos);
            probe[0] = p;
            w.scene().addPreLayoutPulseListener(p::preLayout);
            w.scene().addPostLayoutPulseListener(p::postLayout);
            w.vm().play();
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    p.frame(now);
                }
            };
            timer[0].start();
            return null;
        });
        Probe p = probe[0];
        try {
            long limit = (r.warmupNanos() + measureNanos) / 1_000_000_000L + FxStartup.STEP_TIMEOUT_SECONDS;
            if (!p.done.await(limit, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the window drew no frames for " + limit + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } finally {
            FxStartup.onFxThread(() -> {
                timer[0].stop();
                stage[0].close();
                return null;
            });
        }
        // read after the stop above, which ran on the FX thread after the last measured pulse
        return FxStartup.onFxThread(() -> p.result(c.label(), fromJvmStart, buildStartNanos));
    }

    /** Everything recorded for one case; touched only on the JavaFX thread (the latch hands the end over). */
    private static final class Probe {
        private final SimulationViewModel vm;
        private final TopologyView topology;
        private final GlobalStripView strip;
        private final long warmupNanos;
        private final long measureNanos;
        final CountDownLatch done = new CountDownLatch(1);

        private final Samples handler = new Samples();
        private final Samples draw = new Samples();
        private final Samples layout = new Samples();
        private final Samples frame = new Samples();

        private long last = -1;
        private long firstPulseNanos = -1;
        private boolean measuring;
        private boolean finished;
        private long wallStart;
        private long wallEnd;
        private long simStart;
        private long simEnd;
        private double shownSpeed;
        private int frames;
        private long pendingHandler = -1;
        private long preLayoutNanos = -1;
        private long firstFrameMillis = -1;
        private long firstFrameNanos = -1;
        private long allocStart;
        private long allocEnd;
        private long[] gcStart;
        private long[] gcEnd;

        Probe(SimulationViewModel vm, TopologyView topology, GlobalStripView strip, long warmupNanos,
                long measureNanos) {
            this.vm = vm;
            this.topology = topology;
            this.strip = strip;
            this.warmupNanos = warmupNanos;
            this.measureNanos = measureNanos;
        }

        /** The animation pulse: what {@link AuroraLabApp#pulse} does, timed. */
        void frame(long now) {
            if (finished) {
                return;
            }
            long t = System.nanoTime();
            if (firstPulseNanos < 0) {
                firstPulseNanos = t;
            }
            if (last >= 0) {
                long t0 = System.nanoTime();
                vm.pulse(Math.min(now - last, MAX_FRAME_NANOS));
                long h = System.nanoTime() - t0;
                if (measuring) {
                    handler.add(h);
                    // the topology's canvas and, for a Global Database, the strip's
                    draw.add(topology.lastDrawNanos() + (strip.isVisible() ? strip.lastDrawNanos() : 0));
                    pendingHandler = h;
                    frames++;
                }
            }
            last = now;
            long after = System.nanoTime();
            if (!measuring && after - firstPulseNanos >= warmupNanos) {
                measuring = true;
                allocStart = fxAllocatedBytes();
                gcStart = gcTotals();
                wallStart = after;
                simStart = vm.nowMicros();
            } else if (measuring && after - wallStart >= measureNanos) {
                measuring = false;
                finished = true;
                wallEnd = after;
                allocEnd = fxAllocatedBytes();
                gcEnd = gcTotals();
                simEnd = vm.nowMicros();
                shownSpeed = vm.effectiveSpeedProperty().get();
                done.countDown();
            }
        }

        void preLayout() {
            preLayoutNanos = System.nanoTime();
        }

        void postLayout() {
            long now = System.nanoTime();
            if (firstFrameNanos < 0 && topology.lastDrawNanos() > 0) {
                firstFrameNanos = now;
                firstFrameMillis = System.currentTimeMillis();
            }
            if (pendingHandler >= 0 && preLayoutNanos >= 0) {
                long l = now - preLayoutNanos;
                layout.add(l);
                frame.add(pendingHandler + l);
            }
            pendingHandler = -1;
        }

        Result result(String label, boolean fromJvmStart, long buildStartNanos) {
            double wallSeconds = (wallEnd - wallStart) / 1e9;
            double simSeconds = (simEnd - simStart) / 1e6;
            long fromJvm = !fromJvmStart || firstFrameMillis < 0 ? -1
                    : firstFrameMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
            long fromBuild = firstFrameNanos < 0 ? -1 : (firstFrameNanos - buildStartNanos) / 1_000_000;
            return new Result(label, frames, wallSeconds, frame.stats(), handler.stats(), draw.stats(),
                    layout.stats(), wallSeconds <= 0 ? 0 : simSeconds / wallSeconds, shownSpeed, fromJvm, fromBuild,
                    allocStart < 0 || allocEnd < 0 ? -1 : allocEnd - allocStart, gcEnd[0] - gcStart[0],
                    gcEnd[1] - gcStart[1]);
        }

        /**
         * Bytes this thread (the FX thread) has allocated so far, or -1 where the JVM cannot say. Garbage is what
         * makes the collector pause every thread, and those pauses are most of the p99.
         */
        private static long fxAllocatedBytes() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
                return t.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            return -1;
        }

        /** Collections so far and the milliseconds they took, over every collector that pauses. */
        private static long[] gcTotals() {
            long[] t = new long[2];
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!b.getName().contains("Cycles")) { // ZGC reports its cycles beside its pauses
                    t[0] += b.getCollectionCount();
                    t[1] += b.getCollectionTime();
                }
            }
            return t;
        }
    }

    /** A growable list of nanosecond durations. */
    private static final class Samples {
        private long[] values = new long[4096];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        Stats stats() {
            return Stats.of(values, size);
        }
    }
}
