package dev.auroralab.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An ordered set of questions with unique ids, as its file lists them: the built-in bank
 * ({@code scenario.QuestionBankReader.builtIn()}) or a teacher's own ({@code QuestionBankReader.read(path)}).
 * Immutable.
 */
public final class QuestionBank {

    /** How many questions of a domain the bank holds, and how many of them the engine demonstrates. */
    public record DomainCount(Domain domain, int questions, int demonstrated) {

        public int stated() {
            return questions - demonstrated;
        }
    }

    private final String sourceName;
    private final List<Question> questions;

    /**
     * @param sourceName the file the bank came from, for messages
     * @throws IllegalArgumentException when it is empty or two questions share an id
     */
    public QuestionBank(String sourceName, List<Question> questions) {
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.questions = List.copyOf(questions);
        if (this.questions.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": a bank holds at least one question");
        }
        Set<String> ids = new HashSet<>();
        for (Question q : this.questions) {
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException(sourceName + ": question id '" + q.id() + "' is used twice");
            }
        }
    }

    public String sourceName() {
        return sourceName;
    }

    /** Every question, in file order. */
    public List<Question> questions() {
        return questions;
    }

    public int size() {
        return questions.size();
    }

    public Optional<Question> byId(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The questions of one domain, in file order. */
    public List<Question> inDomain(Domain domain) {
        return questions.stream().filter(q -> q.domain() == domain).toList();
    }

    /** The questions of each domain the bank covers, domains in their enum order, questions in file order. */
    public Map<Domain, List<Question>> byDomain() {
        Map<Domain, List<Question>> m = new EnumMap<>(Domain.class);
        for (Question q : questions) {
            m.computeIfAbsent(q.domain(), d -> new ArrayList<>()).add(q);
        }
        m.replaceAll((d, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(m);
    }

    /** Every domain, in order, with its count of questions and of demonstrated ones (0 and 0 when it has none). */
    public List<DomainCount> counts() {
        List<DomainCount> result = new ArrayList<>();
        for (Domain d : Domain.values()) {
            List<Question> in = inDomain(d);
            result.add(new DomainCount(d, in.size(), (int) in.stream().filter(Question::demonstrated).count()));
        }
        return List.copyOf(result);
    }

    /** The questions whose answer the engine shows, in file order. */
    public List<Question> demonstrated() {
        return questions.stream().filter(Question::demonstrated).toList();
    }

    /** The questions the bank only states, in file order. */
    public List<Question> stated() {
        return questions.stream().filter(q -> !q.demonstrated()).toList();
    }

    /**
     * A quiz's questions: those of {@code domain} (every domain when null), shuffled by {@code seed} and cut to
     * {@code count} (all of them when fewer). The same bank, domain, count and seed give the same list on every JVM
     * (SplittableRandom's sequence is specified).
     *
     * @throws IllegalArgumentException when {@code count} is less than 1
     */
    public List<Question> draw(Domain domain, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a quiz asks at least one question: " + count);
        }
        List<Question> pool = new ArrayList<>(domain == null ? questions : inDomain(domain));
        SplittableRandom random = new SplittableRandom(seed);
        // Fisher-Yates, written out so the order depends on nothing but the seed
        for (int i = pool.size() - 1; i > 0; i--) {
            Collections.swap(pool, i, random.nextInt(i + 1));
        }
        return List.copyOf(pool.subList(0, Math.min(count, pool.size())));
    }
}
