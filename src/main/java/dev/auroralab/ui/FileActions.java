package dev.auroralab.ui;

import dev.auroralab.run.Branch;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Opening and saving scenarios and exporting the picture, with their dialogs. A bad file shows the reader's message
 * (file, line, column, how to fix it) and leaves the run as it was; a failed save says whether the place or the run
 * was the problem, and writes nothing.
 */
final class FileActions {

    static final String ERROR_TEXT_ID = "scenarioErrorText";

    private final SimulationViewModel vm;
    private final Stage stage;
    private final Dialogs dialogs;
    private final Node picture;
    private Path lastFolder;

    FileActions(SimulationViewModel vm, Stage stage, Dialogs dialogs, Node picture) {
        this.vm = vm;
        this.stage = stage;
        this.dialogs = dialogs;
        this.picture = picture;
    }

    void openFile() {
        FileChooser fc = chooser("Open a scenario");
        File f = dialogs.whilePaused(() -> fc.showOpenDialog(stage));
        if (f != null) {
            lastFolder = f.toPath().getParent();
            open(f.toPath());
        }
    }

    /** Opens a file; a bad one shows the reader's message in a dialog and leaves the run as it was. */
    Optional<ScenarioError> open(Path file) {
        Optional<ScenarioError> err = vm.open(file);
        err.ifPresent(this::showError);
        return err;
    }

    Optional<ScenarioError> openBuiltIn(String name) {
        Optional<ScenarioError> err = vm.openBuiltIn(name);
        err.ifPresent(this::showError);
        return err;
    }

    void showError(ScenarioError e) {
        dialogs.error("This scenario file has a problem", "The file was not loaded; the current run goes on untouched.",
                e.getMessage(), ERROR_TEXT_ID);
    }

    /**
     * Saves the branch shown as a scenario file (the scenario with the learner's actions in its timeline). While two
     * branches are compared, the other one is saved beside it as NAME-vs.yaml: each file opens on its own, and
     * {@code screenshot --compare NAME.yaml,NAME-vs.yaml} draws the two side by side again.
     */
    void saveFile() {
        Branch other = vm.comparison().branch();
        FileChooser fc = chooser(other == null ? "Save the scenario with your actions"
                : "Save the comparison (the branch shown; the other goes beside it as NAME-vs.yaml)");
        fc.setInitialFileName(slug(vm.scenario().name()) + "-mine.yaml");
        File f = dialogs.whilePaused(() -> fc.showSaveDialog(stage));
        if (f == null) {
            return;
        }
        try {
            boolean branched = vm.branches().size() > 1;
            ScenarioWriter.write(f.toPath(), named(vm.branch(), branched), vm.userCommands());
            if (other == null) {
                vm.tell("Saved " + f.getName() + ": " + vm.userCommands().size() + " action(s) of yours in its timeline");
                return;
            }
            String base = f.getName().replaceFirst("\\.ya?ml$", "");
            java.nio.file.Path vs = f.toPath().resolveSibling(base + "-vs.yaml");
            ScenarioWriter.write(vs, named(other, true), other.learnerActions());
            vm.tell("Saved the comparison: " + f.getName() + " (" + vm.branch().name() + ") and " + vs.getFileName()
                    + " (" + other.name() + ")");
        } catch (IOException ex) {
            saveFailed(f, ex.getMessage() + "\nNothing was written; pick another folder or name.");
        } catch (IllegalArgumentException ex) {
            // the run itself cannot be written as a scenario (checked before anything touches the disk)
            saveFailed(f, ex.getMessage() + "\nNothing was written. Your run goes on; you can still export a picture.");
        }
    }

    /** The scenario, named after the branch when the run has several ("Lose an AZ - fail AZ us-east-1a at 0:30.000"). */
    private Scenario named(Branch b, boolean withBranch) {
        Scenario s = vm.scenario();
        if (!withBranch || b.parent() == null && vm.branches().size() < 2) {
            return s;
        }
        return new Scenario(s.name() + " - " + b.name(), s.description(), s.seed(),
                s.durationMicros(), s.cluster(), s.timeline(), s.expectations(), s.sourceName());
    }

    private void saveFailed(File f, String why) {
        dialogs.error("Could not save", "Could not save " + f.getName(), why, null);
    }

    void exportPng() {
        FileChooser fc = chooser("Export the view as PNG");
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName(slug(vm.scenario().name()) + "-" + vm.nowMicros() / 1_000_000 + "s.png");
        File f = dialogs.whilePaused(() -> fc.showSaveDialog(stage));
        if (f == null) {
            return;
        }
        try {
            PngExport.write(picture, f.toPath());
            vm.tell("Exported " + f.getName());
        } catch (IOException ex) {
            vm.tell("Could not export: " + ex.getMessage());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Scenario (YAML or JSON)", "*.yaml", "*.yml",
                "*.json"));
        Path folder = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.dir"));
        if (folder.toFile().isDirectory()) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "scenario" : s;
    }
}
