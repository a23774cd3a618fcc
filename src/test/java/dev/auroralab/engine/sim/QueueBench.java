package dev.auroralab.engine.sim;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Micro-benchmark of the event queue, run by hand (not a test):
 * {@code java -cp target/classes:target/test-classes dev.auroralab.engine.sim.QueueBench [operations] [runs]}.
 *
 * <p>It replays the traffic of the engine's {@code bench} load on the scheduler, on the binary heap it replaced
 * ({@link BinaryHeapQueue}) and on a bare {@link PriorityQueue} of (time, sequence) entries: a boxcar window every
 * 2 ms fanning out to 60 copies (each lands 250-1,500 µs later, exponential jitter, and sends back an ack as late),
 * 15 redo applies 62-64 ms out (the replica lag at 200,000 writes/s), a read tick every 10 ms, a timer 1-300 s out
 * now and then, a backup every 10 s. Nearly everything lands within a few ms; a few hundred items are pending.
 *
 * <p>Each queue runs in a JVM of its own, so the JIT sees one queue class at each call site as it does in the engine.
 * A run counts schedules and polls together as operations; the figure is the median of the runs after two warm-ups,
 * in the thread's CPU time (the machine is shared with other builds, and wall time mostly measures them; the wall
 * median is printed beside it).
 * Every queue must take the same items at the same times: the checksum line says whether they did.
 */
public final class QueueBench {

    private static final List<String> QUEUES = List.of("scheduler", "binary-heap", "priority-queue");

    private QueueBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && QUEUES.contains(args[0])) {
            long operations = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000;
            int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
            measure(args[0], operations, runs);
            return;
        }
        String operations = args.length > 0 ? args[0] : "20000000";
        String runs = args.length > 1 ? args[1] : "5";
        System.out.printf(Locale.ROOT, "queue bench: %s operations (schedule or poll) a run, median of %s runs%n",
                operations, runs);
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (String queue : QUEUES) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    QueueBench.class.getName(), queue, operations, runs).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    System.out.println(line);
                }
            }
            p.waitFor();
        }
    }

    private static void measure(String name, long operations, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanosPerOp = new double[runs];
        double[] wallNanosPerOp = new double[runs];
        long checksum = 0;
        for (int i = -2; i < runs; i++) {
            Queue q = switch (name) {
                case "scheduler" -> new SchedulerQueue();
                case "binary-heap" -> new BinaryHeapAdapter();
                default -> new PriorityQueueAdapter();
            };
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            checksum = new Traffic(q).run(operations);
            long wall = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - startCpu;
            if (i >= 0) {
                nanosPerOp[i] = (double) cpu / operations;
                wallNanosPerOp[i] = (double) wall / operations;
            }
        }
        Arrays.sort(nanosPerOp);
        Arrays.sort(wallNanosPerOp);
        double median = nanosPerOp[runs / 2];
        System.out.printf(Locale.ROOT, "%-15s %6.1f ns/op  %,12.0f ops/s   (cpu: runs %.1f-%.1f ns/op; wall median "
                + "%.1f ns/op; checksum %x)%n", name, median, 1e9 / median, nanosPerOp[0], nanosPerOp[runs - 1],
                wallNanosPerOp[runs / 2], checksum);
    }

    /** What the traffic needs of a queue. */
    interface Queue {
        void schedule(long atMicros, Kind item);

        Kind poll();

        long peekTimeMicros();

        long nowMicros();
    }

    /** The items: one shared value per kind, so the traffic itself allocates nothing. */
    enum Kind {
        BOXCAR_WINDOW, BOXCAR, ACK, REDO_APPLY, READ_TICK, TIMER, BACKUP
    }

    /** The engine's bench load, reduced to when things are scheduled. */
    static final class Traffic {
        private static final long WINDOW_MICROS = 2_000;
        private static final int COPIES_PER_WINDOW = 60;
        private static final int REPLICAS = 15;
        private static final long REPLICA_LAG_MICROS = 62_000;
        private static final long READ_TICK_MICROS = 10_000;
        private static final long BACKUP_MICROS = 10_000_000;
        /** The engine's way to jitter: a table of exponential quantiles, drawn from at random. */
        private static final double[] EXP_QUANTILES = new double[256];

        static {
            for (int i = 0; i < EXP_QUANTILES.length; i++) {
                EXP_QUANTILES[i] = -Math.log(1.0 - (i + 0.5) / EXP_QUANTILES.length);
            }
        }

        private final Queue q;
        private final SplittableRandom random = new SplittableRandom(11);
        private long operations;

        Traffic(Queue q) {
            this.q = q;
        }

        /** Runs until {@code limit} operations; returns a checksum of what came out when. */
        long run(long limit) {
            schedule(0, Kind.BOXCAR_WINDOW);
            schedule(0, Kind.READ_TICK);
            schedule(BACKUP_MICROS, Kind.BACKUP);
            long checksum = 0;
            while (operations < limit) {
                // as the engine's advanceTo does: look, then take
                if (q.peekTimeMicros() == Long.MAX_VALUE) {
                    break;
                }
                Kind k = q.poll();
                operations++;
                long now = q.nowMicros();
                checksum = checksum * 31 + now * 7 + k.ordinal();
                fire(k, now);
            }
            return checksum;
        }

        private void fire(Kind k, long now) {
            switch (k) {
                case BOXCAR_WINDOW -> {
                    for (int i = 0; i < COPIES_PER_WINDOW; i++) {
                        schedule(now + hop(), Kind.BOXCAR);
                    }
                    for (int i = 0; i < REPLICAS; i++) {
                        schedule(now + REPLICA_LAG_MICROS + random.nextInt(1_600), Kind.REDO_APPLY);
                    }
                    schedule(now + WINDOW_MICROS, Kind.BOXCAR_WINDOW);
                }
                case BOXCAR -> schedule(now + hop(), Kind.ACK);
                case READ_TICK -> {
                    if (random.nextInt(50) == 0) {
                        schedule(now + random.nextLong(1_000_000, 300_000_000), Kind.TIMER);
                    }
                    schedule(now + READ_TICK_MICROS, Kind.READ_TICK);
                }
                case BACKUP -> schedule(now + BACKUP_MICROS, Kind.BACKUP);
                default -> {
                    // acks, redo applies and timers end there
                }
            }
        }

        /** 250 µs and an exponential jitter (mean 250 µs), at most 1,500 µs. */
        private long hop() {
            return 250 + Math.min(1_250, (long) (250 * EXP_QUANTILES[random.nextInt(EXP_QUANTILES.length)]));
        }

        private void schedule(long at, Kind k) {
            q.schedule(at, k);
            operations++;
        }
    }

    static final class SchedulerQueue implements Queue {
        private final Scheduler<Kind> s = new Scheduler<>();

        @Override
        public void schedule(long atMicros, Kind item) {
            s.schedule(atMicros, item);
        }

        @Override
        public Kind poll() {
            return s.poll();
        }

        @Override
        public long peekTimeMicros() {
            return s.peekTimeMicros();
        }

        @Override
        public long nowMicros() {
            return s.nowMicros();
        }
    }

    static final class BinaryHeapAdapter implements Queue {
        private final BinaryHeapQueue<Kind> s = new BinaryHeapQueue<>();

        @Override
        public void schedule(long atMicros, Kind item) {
            s.schedule(atMicros, item);
        }

        @Override
        public Kind poll() {
            return s.poll();
        }

        @Override
        public long peekTimeMicros() {
            return s.peekTimeMicros();
        }

        @Override
        public long nowMicros() {
            return s.nowMicros();
        }
    }

    /** The bare baseline: a record per item, compared field by field. */
    static final class PriorityQueueAdapter implements Queue {
        record Entry(long time, long seq, long cause, Kind item) {
        }

        private final PriorityQueue<Entry> queue = new PriorityQueue<>(
                (x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
        private long nextSeq;
        private long now;

        @Override
        public void schedule(long atMicros, Kind item) {
            queue.add(new Entry(atMicros, nextSeq++, -1, item));
        }

        @Override
        public Kind poll() {
            Entry e = queue.poll();
            now = e.time;
            return e.item;
        }

        @Override
        public long peekTimeMicros() {
            Entry e = queue.peek();
            return e == null ? Long.MAX_VALUE : e.time;
        }

        @Override
        public long nowMicros() {
            return now;
        }
    }
}
