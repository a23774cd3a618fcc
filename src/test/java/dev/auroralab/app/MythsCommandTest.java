package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.teach.MythCard;
import dev.auroralab.teach.MythCards;
import org.junit.jupiter.api.Test;

/** {@code myths [ID]}: every card, or one, as a learner reads it in a terminal; a bad id is a usage error. */
class MythsCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void mythsPrintsEveryCardWithItsMythFactSourcesAndHowToSeeIt() {
        assertThat(cli.run("myths")).isZero();
        String out = cli.out();
        assertThat(cli.err()).isEmpty();
        for (MythCard c : MythCards.ALL) {
            assertThat(out).contains(c.id() + System.lineSeparator());
            // the text is wrapped, so compare it with the line breaks and indents taken out
            String flat = out.replaceAll("\\s+", " ");
            assertThat(flat).contains("myth: \"" + c.myth() + "\"").contains("fact: " + c.fact())
                    .contains("sources: " + String.join(", ", c.sources()));
            c.shownBy().ifPresentOrElse(
                    d -> assertThat(flat).contains("show me: java -jar aurora-lab.jar --scenario " + d.scenario())
                            .contains("watch: " + d.watch()),
                    () -> assertThat(flat).contains("note: " + c.modelNote()));
        }
        assertThat(out.indexOf("ha-by-default-10-minute-failover")).as("in the reference's order")
                .isLessThan(out.indexOf("4-copies-write-3-copies-read"));
        assertThat(out).contains("Sources:").contains("  RDS UG      the Amazon RDS User Guide");
        assertThat(out.lines()).as("wrapped for a terminal").allMatch(l -> l.length() <= MythsCommand.WIDTH);
    }

    @Test
    void mythsWithAnIdPrintsThatCardAndTheSourcesItCites() {
        assertThat(cli.run("myths", "up-to-128-tb")).isZero();
        String out = cli.out();
        assertThat(out).startsWith("up-to-128-tb" + System.lineSeparator())
                .contains("--scenario largest-volume").doesNotContain("5x-mysql")
                .contains("Aurora FAQ  the Amazon Aurora FAQ").doesNotContain("RDS UG");
        assertThat(cli.run("myths", "200k-writes-per-second")).isZero();
        assertThat(cli.out().replaceAll("\\s+", " ")).contains("show me: no scenario; see the note")
                .contains("note: No run can show this");
    }

    @Test
    void anUnknownIdSaysSoAndListsTheIdsWithExitCodeTwo() {
        assertThat(cli.run("myths", "128-tb")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("aurora-lab myths: no card '128-tb'. The cards are:")
                .contains(String.join(System.lineSeparator() + "  ", MythCards.ids()))
                .doesNotContain("Exception");
    }

    @Test
    void anOptionOrTwoIdsIsAUsageErrorWithExitCodeTwo() {
        assertThat(cli.run("myths", "--all")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown option --all").contains("usage: myths [ID]");
        InProcessCli two = new InProcessCli();
        assertThat(two.run("myths", "5x-mysql", "up-to-128-tb")).isEqualTo(2);
        assertThat(two.err()).contains("give one card id").contains("usage: myths [ID]");
        assertThat(cli.out() + two.out()).isEmpty();
    }

    @Test
    void theUsageTextListsTheMythsCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("myths        myths [ID]");
    }
}
