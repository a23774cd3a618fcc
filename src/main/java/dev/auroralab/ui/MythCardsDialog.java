package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.run.ClockText;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.MythCard;
import dev.auroralab.teach.MythCards;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Help → Myths and facts: the {@link MythCards} as a list and one card at a time, in type large enough to read from
 * the back of a classroom at 1280x720. A card shows the myth (struck through and marked "Myth", never by colour
 * alone), the fact, its sources spelled out in a tooltip, what the model shows and a <b>Show me</b> button that opens
 * the card's scenario in the window at its moment, paused, with what to watch in the scenario's notes.
 *
 * <p>While the dialog is open the simulation pauses, as under every dialog ({@link Dialogs}); it plays on when the
 * dialog closes if it was playing, except after Show me, which leaves the new scenario paused at its moment for the
 * teacher to press play.
 */
final class MythCardsDialog {

    static final String LIST_ID = "mythList";
    static final String MYTH_ID = "mythText";
    static final String FACT_ID = "mythFact";
    static final String SOURCES_ID = "mythSources";
    static final String WATCH_ID = "mythWatch";
    static final String SHOW_ME_ID = "mythShowMe";
    static final String SCROLL_ID = "mythCardScroll";
    static final String STYLE = "myth-cards";

    private final SimulationViewModel vm;
    private final FileActions files;
    private final ScenarioNotes notes;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<MythCard> list = new ListView<>();
    private final Label position = new Label();
    private final Label myth = new Label();
    private final Label fact = new Label();
    private final Label sources = new Label();
    private final Label watchHeading = new Label();
    private final Label watch = new Label();
    private final Button showMe = new Button("Show me", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
    private boolean shown;

    MythCardsDialog(Stage owner, SimulationViewModel vm, FileActions files, ScenarioNotes notes, Theme theme) {
        this.vm = vm;
        this.files = files;
        this.notes = notes;
        dialog.initOwner(owner);
        dialog.setTitle("Myths and facts");
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().getStyleClass().add(STYLE);
        // a dialog has a scene of its own: give it our stylesheet and the window's theme
        dialog.getDialogPane().getStylesheets().add(
                MythCardsDialog.class.getResource("aurora-lab.css").toExternalForm());
        Theme.apply(theme, dialog.getDialogPane());
        // as large as a projector at 1280x720 allows, and never larger than the window it belongs to
        double w = owner.getWidth() > 0 ? Math.min(1180, owner.getWidth() - 40) : 1180;
        double h = owner.getHeight() > 0 ? Math.min(660, owner.getHeight() - 40) : 660;
        dialog.getDialogPane().setPrefSize(w, h);
        dialog.getDialogPane().setMinSize(Math.min(w, 900), Math.min(h, 560));
        // AtlantaFX caps a dialog pane at 600 px wide (lifted in aurora-lab.css, .myth-cards)
    }

    /** Opens the dialog on the first card the open scenario demonstrates, else on the first card. */
    void show() {
        List<MythCard> here = MythCards.shownBy(builtInName());
        show(here.isEmpty() ? MythCards.ALL.get(0) : here.get(0));
    }

    /** Opens the dialog on the card {@code id} (a lesson step's myth), or on the first card for an unknown id. */
    void show(String id) {
        show(MythCards.byId(id).orElse(MythCards.ALL.get(0)));
    }

    private void show(MythCard card) {
        list.getSelectionModel().select(card);
        boolean wasPlaying = vm.isPlaying();
        vm.pause();
        dialog.setOnHidden(e -> {
            if (wasPlaying && !shown) {
                vm.play();
            }
        });
        dialog.show();
        list.requestFocus();
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }

    /**
     * Opens the card's scenario at its moment, paused, with what to watch first in its notes, and closes the dialog.
     * A scenario that does not load (it cannot happen for a built-in one: MythCardsTest loads each) shows the
     * reader's message and leaves the dialog and the run as they were.
     */
    void showMe(MythCard card) {
        MythCard.Demonstration d = card.shownBy().orElse(null);
        if (d == null) {
            return;
        }
        Optional<ScenarioError> err = files.openBuiltIn(d.scenario());
        if (err.isPresent()) {
            return;
        }
        shown = true;
        vm.pause();
        vm.seek(d.atMicros());
        String description = vm.scenario().description() == null ? "" : vm.scenario().description().strip();
        // what to watch first: at 1280x720 the band shows its first line, and its tooltip the whole text
        notes.setDescription(vm.scenario().name(), "What to watch: " + d.watch() + " (Myth card: \"" + card.myth()
                + "\")" + (description.isEmpty() ? "" : " About this scenario: " + description));
        vm.tell("Show me: " + d.scenario() + " at " + ClockText.of(d.atMicros()) + ", paused. Press Space to play;"
                + " the notes say what to watch.");
        dialog.close();
    }

    // =================================================================================================================
    // Building
    // =================================================================================================================

    private Region content() {
        list.setId(LIST_ID);
        list.getItems().setAll(MythCards.ALL);
        list.setPrefWidth(330);
        list.setMinWidth(260);
        list.getStyleClass().add("myth-list");
        list.setCellFactory(v -> new MythCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> showCard(c));
        // Enter on the list shows the chosen card (the list keeps Enter from the default button): ↑ ↓ then Enter is
        // the whole dialog for a teacher at the keyboard
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !showMe.isDisabled()) {
                e.consume();
                showMe.fire();
            }
        });

        Label mythTag = tag("Myth", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, Styles.DANGER);
        Label factTag = tag("Fact", MaterialDesignC.CHECK_CIRCLE_OUTLINE, Styles.SUCCESS);
        myth.setId(MYTH_ID);
        myth.getStyleClass().add("myth-text");
        fact.setId(FACT_ID);
        fact.getStyleClass().add("myth-fact");
        sources.setId(SOURCES_ID);
        sources.getStyleClass().add("myth-sources");
        watchHeading.getStyleClass().add("myth-heading");
        watch.setId(WATCH_ID);
        watch.getStyleClass().add("myth-watch");
        position.getStyleClass().add("myth-position");
        for (Label l : List.of(myth, fact, sources, watch)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        showMe.setId(SHOW_ME_ID);
        showMe.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE, "myth-show-me");
        showMe.setDefaultButton(true);
        showMe.setOnAction(e -> {
            MythCard c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                showMe(c);
            }
        });

        HBox mythRow = new HBox(12, mythTag, myth);
        HBox factRow = new HBox(12, factTag, fact);
        HBox.setHgrow(myth, Priority.ALWAYS);
        HBox.setHgrow(fact, Priority.ALWAYS);
        mythRow.setAlignment(Pos.TOP_LEFT);
        factRow.setAlignment(Pos.TOP_LEFT);
        HBox actions = new HBox(16, showMe, position);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(18, mythRow, factRow, sources, new VBox(6, watchHeading, watch), actions);
        card.getStyleClass().add("myth-card");
        card.setPadding(new Insets(8, 16, 8, 20));
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.setId(SCROLL_ID);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        BorderPane root = new BorderPane(scroll);
        root.setLeft(list);
        BorderPane.setMargin(list, new Insets(0, 8, 0, 0));
        return root;
    }

    private static Label tag(String text, org.kordamp.ikonli.Ikon icon, String style) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT), new FontIcon(icon));
        l.getStyleClass().addAll("myth-tag", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void showCard(MythCard c) {
        if (c == null) {
            return;
        }
        myth.setText("\u201C" + c.myth() + "\u201D");
        fact.setText(c.fact());
        sources.setText("Sources: " + String.join(" · ", c.sources()));
        sources.setTooltip(new Tooltip(c.sources().stream().map(MythCards::tagOf).distinct()
                .map(t -> t + ": " + MythCards.SOURCES.get(t)).collect(Collectors.joining("\n"))));
        String note = c.modelNote().isBlank() ? "" : " " + c.modelNote();
        if (c.shownBy().isPresent()) {
            MythCard.Demonstration d = c.shownBy().get();
            watchHeading.setText("In the model: " + d.scenario() + ", from " + ClockText.of(d.atMicros()));
            watch.setText(d.watch() + note);
            showMe.setDisable(false);
            showMe.setText("Show me");
        } else {
            watchHeading.setText("In the model");
            watch.setText(c.modelNote());
            showMe.setDisable(true);
            showMe.setText("No scenario shows this");
        }
        position.setText("Card " + (MythCards.ALL.indexOf(c) + 1) + " of " + MythCards.ALL.size()
                + " · ↑ ↓ for the others, Enter to show it");
    }

    /**
     * The open scenario's built-in name, read from its file name ("lose-an-az.yaml"): only to choose the card shown
     * first, so a file of the same name on disk choosing that card too does no harm.
     */
    private String builtInName() {
        String source = vm.scenario().sourceName();
        return source == null ? null : source.replaceFirst("\\.ya?ml$", "");
    }

    /** A list row: the card's number and its myth, wrapped to the list's width. */
    private final class MythCell extends ListCell<MythCard> {
        private final Label text = new Label();

        MythCell() {
            text.setWrapText(true);
            // a fixed width, so the label's height is that of its wrapped lines and nothing ends in "…"
            text.prefWidthProperty().bind(list.widthProperty().subtract(40));
            text.maxWidthProperty().bind(text.prefWidthProperty());
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("myth-list-text");
        }

        @Override
        protected void updateItem(MythCard c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            text.setText((MythCards.ALL.indexOf(c) + 1) + ". " + c.myth());
            setGraphic(text);
            setText(null);
        }
    }
}
