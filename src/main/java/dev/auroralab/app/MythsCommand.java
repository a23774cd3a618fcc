package dev.auroralab.app;

import dev.auroralab.run.ClockText;
import dev.auroralab.teach.MythCard;
import dev.auroralab.teach.MythCards;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code myths [ID]}: prints the myth/fact cards (all, or the one named), each with its sources and the scenario that
 * shows it; exit 0, or 2 for an unknown id or bad usage. The same cards as the window's Help → Myths and facts.
 */
final class MythsCommand implements Command {

    static final String USAGE = "myths [ID]";
    /** Text is wrapped to this many columns, a terminal's usual width. */
    static final int WIDTH = 100;
    private static final String INDENT = " ".repeat(14);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.startsWith("-")) {
                err.println("aurora-lab myths: unknown option " + a + "\nusage: " + USAGE);
                return Commands.USAGE_ERROR;
            }
        }
        if (args.size() > 1) {
            err.println("aurora-lab myths: give one card id, or none for every card\nusage: " + USAGE);
            return Commands.USAGE_ERROR;
        }
        List<MythCard> cards = MythCards.ALL;
        if (args.size() == 1) {
            MythCard card = MythCards.byId(args.get(0)).orElse(null);
            if (card == null) {
                err.println("aurora-lab myths: no card '" + args.get(0) + "'. The cards are:\n  "
                        + String.join("\n  ", MythCards.ids()));
                return Commands.USAGE_ERROR;
            }
            cards = List.of(card);
        }
        for (MythCard c : cards) {
            print(c, out);
            out.println();
        }
        printSources(cards, out);
        return 0;
    }

    static void print(MythCard c, PrintStream out) {
        out.println(c.id());
        field(out, "myth:", "\"" + c.myth() + "\"");
        field(out, "fact:", c.fact());
        field(out, "sources:", String.join(", ", c.sources()));
        if (c.shownBy().isPresent()) {
            MythCard.Demonstration d = c.shownBy().get();
            field(out, "show me:", "java -jar aurora-lab.jar " + WindowArgs.OPTION + " " + d.scenario()
                    + (d.atMicros() > 0 ? " and go to " + ClockText.of(d.atMicros()) : "")
                    + " (or Help > Myths and facts > Show me)");
            field(out, "watch:", d.watch());
        } else {
            field(out, "show me:", "no scenario; see the note");
        }
        if (!c.modelNote().isBlank()) {
            field(out, "note:", c.modelNote());
        }
    }

    /** What each tag the cards printed stands for. */
    private static void printSources(List<MythCard> cards, PrintStream out) {
        Set<String> tags = new LinkedHashSet<>();
        cards.forEach(c -> c.sources().forEach(s -> tags.add(MythCards.tagOf(s))));
        out.println("Sources:");
        MythCards.SOURCES.forEach((tag, what) -> {
            if (tags.contains(tag)) {
                field(out, tag, what);
            }
        });
    }

    /** "  label    text", the text wrapped at {@link #WIDTH} under its first line. */
    private static void field(PrintStream out, String label, String text) {
        StringBuilder line = new StringBuilder(String.format("  %-11s ", label));
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(INDENT).append(word);
            } else {
                line.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        out.println(line);
    }
}
