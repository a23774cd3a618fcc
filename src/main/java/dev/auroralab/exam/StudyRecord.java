package dev.auroralab.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One learner's practice over sessions: where each question stands in the Leitner boxes, and the answers per domain,
 * of the question bank (practice and timed mode) and of predict-then-observe prompts. The window keeps it in a small
 * file in the user's configuration folder ({@code scenario.StudyRecordFile}); the terminal quiz can too.
 *
 * <p>Spaced repetition, as Leitner's card boxes: a question answered right moves up a box, a question missed goes back
 * to box 1. A question in box {@code b} comes back {@link #intervalSessions(int)} sessions after it was last asked: 1,
 * 2, 4, 8, 16. So a question missed today is due in the very next session, and one answered right five times comes
 * back after sixteen. A session is one opening of practice mode (or one timed set), counted by
 * {@link #startSession()}: sessions, not days, because the app never reads the wall clock for what it teaches and a
 * class may practise twice in a day.
 *
 * <p>Not thread-safe: the window uses it on its own thread.
 */
public final class StudyRecord {

    /** The number of Leitner boxes: box 1 (missed, or new) to box 5 (known). */
    public static final int BOXES = 5;

    /**
     * Where a question stands.
     *
     * @param box 1 to {@link #BOXES}
     * @param lastSession the session it was last answered in, from 1
     */
    public record Card(int box, int lastSession) {
        public Card {
            if (box < 1 || box > BOXES || lastSession < 0) {
                throw new IllegalArgumentException("box 1 to " + BOXES + " and a session from 0: " + box + ", "
                        + lastSession);
            }
        }
    }

    private int sessions;
    private final Map<String, Card> cards = new TreeMap<>();
    private final Map<Domain, Tally> practice = new EnumMap<>(Domain.class);
    private final Map<Domain, Tally> predictions = new EnumMap<>(Domain.class);

    /** A fresh record: no session yet, every question new. */
    public StudyRecord() {
    }

    /**
     * A record as saved: its sessions, cards by question id (ids the bank no longer has are kept, and ignored), and
     * the tallies.
     *
     * @throws IllegalArgumentException when a card was last answered in a session after {@code sessions}
     */
    public StudyRecord(int sessions, Map<String, Card> cards, Map<Domain, Tally> practice,
            Map<Domain, Tally> predictions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions from 0: " + sessions);
        }
        this.sessions = sessions;
        cards.forEach((id, c) -> {
            if (c.lastSession() > sessions) {
                throw new IllegalArgumentException(id + " was answered in session " + c.lastSession()
                        + ", after the last session " + sessions);
            }
            this.cards.put(Objects.requireNonNull(id), c);
        });
        this.practice.putAll(practice);
        this.predictions.putAll(predictions);
    }

    /** How many sessions after its last answer a question in {@code box} comes back: 1, 2, 4, 8, 16. */
    public static int intervalSessions(int box) {
        if (box < 1 || box > BOXES) {
            throw new IllegalArgumentException("box 1 to " + BOXES + ": " + box);
        }
        return 1 << (box - 1);
    }

    /** Starts a session (practice mode opened, or a timed set begun) and returns its number, from 1. */
    public int startSession() {
        return ++sessions;
    }

    /** The current session's number, 0 before the first. */
    public int session() {
        return sessions;
    }

    /**
     * Records an answer to a bank question in the current session: right moves it up a box (to at most
     * {@link #BOXES}), wrong back to box 1; the domain's practice tally counts it. Starts a session if none was.
     */
    public void answered(Question q, boolean right) {
        if (sessions == 0) {
            startSession();
        }
        Card was = cards.get(q.id());
        // a new question counts as box 1: answered right it goes to box 2 and need not come back next time
        int box = right ? Math.min(BOXES, (was == null ? 1 : was.box()) + 1) : 1;
        cards.put(q.id(), new Card(box, sessions));
        practice.merge(q.domain(), Tally.NONE.plus(right), Tally::plus);
    }

    /** Records a predict-then-observe answer: it joins the domain's prediction tally (the boxes hold bank questions). */
    public void predicted(Domain domain, boolean right) {
        predictions.merge(domain, Tally.NONE.plus(right), Tally::plus);
    }

    /** The question's card, or null when it was never answered (a new question). */
    public Card card(String questionId) {
        return cards.get(questionId);
    }

    /** Every card by question id, in id order (what is saved). */
    public Map<String, Card> cards() {
        return Collections.unmodifiableMap(cards);
    }

    /** Whether an answered question is due in the current session (never true of a new one: see {@link #order}). */
    public boolean isDue(String questionId) {
        Card c = cards.get(questionId);
        return c != null && sessions - c.lastSession() >= intervalSessions(c.box());
    }

    /**
     * The order to ask {@code questions} in this session: first the due ones (lowest box first, then the longest
     * unasked, then as given), then the new ones (interleaved by domain: one of each domain in turn, each domain's
     * in the order given, so a first session does not ask thirteen failover questions in a row), then the rest
     * (lowest box first). Missed questions so come back first in the next session.
     */
    public List<Question> order(List<Question> questions) {
        List<Question> due = new ArrayList<>();
        List<Question> fresh = new ArrayList<>();
        List<Question> rest = new ArrayList<>();
        for (Question q : questions) {
            if (cards.get(q.id()) == null) {
                fresh.add(q);
            } else if (isDue(q.id())) {
                due.add(q);
            } else {
                rest.add(q);
            }
        }
        Comparator<Question> byBox = Comparator.comparingInt(q -> cards.get(q.id()).box());
        due.sort(byBox.thenComparingInt(q -> cards.get(q.id()).lastSession()));
        rest.sort(byBox);
        List<Question> all = new ArrayList<>(due);
        all.addAll(interleavedByDomain(fresh));
        all.addAll(rest);
        return all;
    }

    /** One question of each domain in turn (domains in order of first appearance), each domain's in the given order. */
    static List<Question> interleavedByDomain(List<Question> questions) {
        Map<Domain, java.util.ArrayDeque<Question>> byDomain = new LinkedHashMap<>();
        for (Question q : questions) {
            byDomain.computeIfAbsent(q.domain(), d -> new java.util.ArrayDeque<>()).add(q);
        }
        List<Question> out = new ArrayList<>(questions.size());
        while (out.size() < questions.size()) {
            for (java.util.ArrayDeque<Question> queue : byDomain.values()) {
                if (!queue.isEmpty()) {
                    out.add(queue.poll());
                }
            }
        }
        return out;
    }

    /** How many of {@code questions} are due now. */
    public int dueCount(List<Question> questions) {
        return (int) questions.stream().filter(q -> isDue(q.id())).count();
    }

    /** How many of {@code questions} sit in each box (index 0: new, 1 to {@link #BOXES}: that box). */
    public int[] boxCounts(List<Question> questions) {
        int[] counts = new int[BOXES + 1];
        for (Question q : questions) {
            Card c = cards.get(q.id());
            counts[c == null ? 0 : c.box()]++;
        }
        return counts;
    }

    /** Bank answers per domain, in domain order (domains never practised are left out). */
    public Map<Domain, Tally> practice() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(practice));
    }

    /** Predict-then-observe answers per domain, in domain order. */
    public Map<Domain, Tally> predictions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
    }

    /** Practice and predictions together, per domain: the learner's whole record. */
    public Map<Domain, Tally> combined() {
        Map<Domain, Tally> all = new EnumMap<>(practice);
        predictions.forEach((d, t) -> all.merge(d, t, Tally::plus));
        return Collections.unmodifiableMap(all);
    }
}
