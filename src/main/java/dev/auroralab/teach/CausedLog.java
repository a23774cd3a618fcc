package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.event.CausedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The engine's log of events with their causes, up to one moment, and the questions a "why?" trace asks of it: the
 * latest event of a kind, what a cause logged, what took the writer away. Searched from the end: what is asked for is
 * nearly always recent.
 */
final class CausedLog {

    private final List<CausedEvent> events;
    private final long nowMicros;
    private final Map<Long, List<CausedEvent>> byCause = new HashMap<>();

    CausedLog(List<CausedEvent> events, long nowMicros) {
        this.events = List.copyOf(events);
        this.nowMicros = nowMicros;
        for (CausedEvent e : this.events) {
            byCause.computeIfAbsent(e.causeId(), k -> new ArrayList<>()).add(e);
        }
    }

    List<CausedEvent> all() {
        return events;
    }

    /** The events cause {@code causeId} logged, in log order. */
    List<CausedEvent> loggedBy(long causeId) {
        return byCause.getOrDefault(causeId, List.of());
    }

    <T extends AuroraEvent> CausedEvent latest(Class<T> type, Predicate<T> test) {
        return latestBefore(type, test, nowMicros);
    }

    /** The latest event of {@code type} passing {@code test} at or before {@code atMicros}, or null. */
    <T extends AuroraEvent> CausedEvent latestBefore(Class<T> type, Predicate<T> test, long atMicros) {
        for (int i = events.size() - 1; i >= 0; i--) {
            AuroraEvent e = events.get(i).event();
            if (type.isInstance(e) && e.atMicros() <= atMicros && test.test(type.cast(e))) {
                return events.get(i);
            }
        }
        return null;
    }

    /** The latest event of one of {@code types} between two moments, or null. */
    CausedEvent latestOf(Set<Class<? extends AuroraEvent>> types, long fromMicros, long toMicros) {
        for (int i = events.size() - 1; i >= 0; i--) {
            AuroraEvent e = events.get(i).event();
            if (types.contains(e.getClass()) && e.atMicros() >= fromMicros && e.atMicros() <= toMicros) {
                return events.get(i);
            }
        }
        return null;
    }

    /** What took the writer away: its instance lost or crashed, or for a global operation its region out. */
    CausedEvent writerFault(boolean global, String from, long atOrBefore) {
        if (from == null) {
            return null;
        }
        if (global) {
            return latestBefore(RegionFailed.class, e -> e.region().equals(from), atOrBefore);
        }
        CausedEvent lost = latestBefore(InstanceFailed.class, e -> e.instanceId().equals(from), atOrBefore);
        CausedEvent crashed = latestBefore(InstanceCrashed.class, e -> e.instanceId().equals(from), atOrBefore);
        return lost == null ? crashed : crashed == null || lost.id() > crashed.id() ? lost : crashed;
    }

    /** The regions an event changes the role or the reach of. */
    static List<String> regionsNamed(AuroraEvent e) {
        if (e instanceof RegionFailed x) {
            return List.of(x.region());
        } else if (e instanceof RegionRestored x) {
            return List.of(x.region());
        } else if (e instanceof GlobalSwitchoverStarted x) {
            return List.of(x.from(), x.to());
        } else if (e instanceof GlobalSecondaryInSync x) {
            return List.of(x.region());
        } else if (e instanceof GlobalPromotionStarted x) {
            return x.from() == null ? List.of(x.to()) : List.of(x.from(), x.to());
        } else if (e instanceof GlobalPromotionCompleted x) {
            return x.from() == null ? List.of(x.to()) : List.of(x.from(), x.to());
        } else if (e instanceof GlobalOperationCancelled x) {
            return List.of(x.region());
        } else if (e instanceof RegionRebuildStarted x) {
            return List.of(x.region());
        } else if (e instanceof RegionRejoined x) {
            return List.of(x.region());
        }
        return List.of();
    }
}
