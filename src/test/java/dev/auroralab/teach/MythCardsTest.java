package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.teach.MythCard.Demonstration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cards as text: complete, in the reference's order, every source a tag of aurora-reference.md, and every number
 * either cited in its sentence or labelled as the model's. What each demonstration shows is checked by running it, in
 * {@link MythDemonstrationsTest}.
 */
class MythCardsTest {

    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    /** Simulated clock times in a watch text ("At 0:30"): where to look, not claims. */
    private static final Pattern CLOCK = Pattern.compile("\\b\\d+:\\d{2}\\b");
    /** Names with digits: us-east-1c, pg-0, reader-2, writer-crash-no-replica. */
    private static final Pattern NAME = Pattern.compile("\\b[a-z]+(?:-[a-z0-9]+)*-[a-z]*\\d+[a-z0-9]*(?:-[a-z0-9]+)*\\b");

    @Test
    void everyCardHasAMythAFactAndSourcesAndNoTwoShareAnId() {
        Set<String> ids = new HashSet<>();
        for (MythCard c : MythCards.ALL) {
            assertThat(ids.add(c.id())).as("id %s is used once", c.id()).isTrue();
            assertThat(c.myth()).as(c.id()).isNotBlank();
            assertThat(c.fact()).as(c.id()).isNotBlank();
            assertThat(c.sources()).as(c.id()).isNotEmpty();
            int sentences = sentences(c.fact()).size();
            assertThat(sentences).as("%s: the fact is 2 to 4 plain sentences", c.id()).isBetween(2, 4);
        }
    }

    @Test
    void theCardsComeInTheOrderOfTheReferencesMisconceptions() {
        // aurora-reference §8, items 1 to 7
        assertThat(MythCards.ids()).containsExactly("ha-by-default-10-minute-failover", "rds-multi-az-is-six-copies",
                "up-to-128-tb", "15-replicas-across-regions", "200k-writes-per-second", "5x-mysql",
                "4-copies-write-3-copies-read");
    }

    @Test
    void byIdFindsEveryCardAndNothingElse() {
        for (MythCard c : MythCards.ALL) {
            assertThat(MythCards.byId(c.id())).contains(c);
        }
        assertThat(MythCards.byId("128-tb")).isEmpty();
        assertThat(MythCards.byId("")).isEmpty();
    }

    @Test
    void everySourceIsATagOfTheReferenceAndTheFactCitesExactlyTheCardsSources() {
        for (MythCard c : MythCards.ALL) {
            for (String s : c.sources()) {
                assertThat(MythCards.tagOf(s)).as("%s: source '%s' is a tag of aurora-reference.md", c.id(), s)
                        .isNotNull();
            }
            assertThat(citations(c.fact())).as("%s: what the fact cites is what the card lists", c.id())
                    .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(c.sources()));
        }
    }

    @Test
    void everyNumberInAFactCitesItsSourceInTheSameSentence() {
        List<String> uncited = new ArrayList<>();
        for (MythCard c : MythCards.ALL) {
            for (String sentence : sentences(c.fact())) {
                if (hasDigit(withoutParentheses(sentence)) && citations(sentence).isEmpty()) {
                    uncited.add(c.id() + ": " + sentence);
                }
            }
        }
        assertThat(uncited).isEmpty();
    }

    @Test
    void everyNumberInAWatchTextOrModelNoteIsCitedOrSaysItIsTheModels() {
        List<String> unlabelled = new ArrayList<>();
        for (MythCard c : MythCards.ALL) {
            List<String> texts = new ArrayList<>(sentences(c.modelNote()));
            c.shownBy().ifPresent(d -> texts.addAll(sentences(d.watch())));
            for (String sentence : texts) {
                String claims = NAME.matcher(CLOCK.matcher(withoutParentheses(sentence)).replaceAll(""))
                        .replaceAll("");
                if (hasDigit(claims) && citations(sentence).isEmpty() && !sentence.contains("model")) {
                    unlabelled.add(c.id() + ": " + sentence);
                }
            }
        }
        assertThat(unlabelled).isEmpty();
    }

    @Test
    void theCheckerOfNumbersCatchesAnUncitedNumberAndPassesACitedOne() {
        // the two rules above must be able to fail
        assertThat(citations("Failover takes 30 s (UG).")).containsExactly("UG");
        assertThat(citations("Failover takes 30 s (15 − 3, UG; P17 §2.1).")).containsExactly("UG", "P17 §2.1");
        assertThat(citations("Failover takes 30 s.")).isEmpty();
        assertThat(citations("Failover takes 30 s (about half a minute).")).isEmpty();
        assertThat(hasDigit(NAME.matcher("reader-2 in us-east-1c, pg-0").replaceAll(""))).isFalse();
        assertThat(hasDigit(NAME.matcher("reader-2 takes 30 s").replaceAll(""))).isTrue();
    }

    @Test
    void aCardWithoutADemonstrationSaysWhyAndTheModelNoteSaysNoRunCanShowIt() {
        List<MythCard> without = MythCards.ALL.stream().filter(c -> c.shownBy().isEmpty()).toList();
        assertThat(without).extracting(MythCard::id).containsExactly("200k-writes-per-second", "5x-mysql");
        for (MythCard c : without) {
            assertThat(c.modelNote()).as(c.id()).startsWith("No run can show this");
        }
        assertThatThrownBy(() -> new MythCard("no-note", "m", "f. g.", List.of("UG"), null, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("says why");
    }

    @Test
    void everyDemonstrationIsABuiltInScenarioThatLoadsAndOpensBeforeItsEnd() throws Exception {
        for (MythCard c : MythCards.ALL) {
            if (c.shownBy().isEmpty()) {
                continue;
            }
            Demonstration d = c.shownBy().get();
            assertThat(BuiltInScenarios.NAMES.contains(d.scenario()) || BuiltInScenarios.LARGE.contains(d.scenario()))
                    .as("%s: %s is a built-in scenario", c.id(), d.scenario()).isTrue();
            Scenario s = d.load();
            assertThat(d.atMicros()).as("%s opens inside %s", c.id(), d.scenario()).isLessThan(s.durationMicros());
            assertThat(d.watch()).as(c.id()).isNotBlank();
            assertThat(BuiltInScenarios.fileOrBuiltIn(d.scenario()).name()).as("opens by name, as --scenario does")
                    .isEqualTo(s.name());
            assertThat(MythCards.shownBy(d.scenario())).contains(c);
        }
        assertThat(MythCards.shownBy("healthy-cluster")).isEmpty();
    }

    // ---- reading the texts ------------------------------------------------------------------------------------------

    /** Sentences end at '.', '!' or '?' followed by a space; "r3.8xlarge" and "P17 §6.1.1" stay whole. */
    static List<String> sentences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("(?<=[.!?])\\s+"));
    }

    /** The sources cited in parentheses: each part (split at ';' or ',') that starts with a known tag. */
    static Set<String> citations(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PARENTHESES.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split("[;,]")) {
                String p = part.strip();
                if (MythCards.tagOf(p) != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String withoutParentheses(String s) {
        return PARENTHESES.matcher(s).replaceAll("");
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }
}
