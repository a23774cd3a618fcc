package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The RPO/RTO ledger keeps every column title whole, however narrow, and every value says its unit. */
@ExtendWith(ApplicationExtension.class)
class LedgerPaneTest {

    private LedgerPane ledger;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ledger = new LedgerPane();
        stage.setScene(new Scene(new StackPane(ledger), 520, 240));
        stage.show();
    }

    /**
     * What each header shows: its title, or "(cut)" when the column is narrower than the title (the header clips it)
     * or the label ends it in "…".
     */
    private List<String> shownTitles() {
        List<String> out = new ArrayList<>();
        for (var c : ledger.getColumns()) {
            Label head = (Label) c.getGraphic();
            Node text = head.lookup(".text");
            String shown = text instanceof Text t ? t.getText() : head.getText();
            boolean clipped = c.getWidth() + 0.5 < head.prefWidth(-1);
            out.add(clipped ? "(cut) " + shown : shown);
        }
        return out;
    }

    @Test
    void everyTitleIsWholeInANarrowWindowAndInLargeType(FxRobot robot) {
        List<String> titles = ledger.getColumns().stream().map(c -> ((Label) c.getGraphic()).getText()).toList();
        assertThat(titles).contains("RTO", "Writes refused", "RPO", "Acked writes lost");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTitles()).containsExactlyElementsOf(titles);

        // presenter-size type on a narrower window still cuts nothing: the table scrolls sideways instead
        robot.interact(() -> {
            ledger.setStyle("-fx-font-size: 18px;");
            // narrower by its own width, not the stage's: TestFX hands the same stage to the next test class
            ledger.setMaxWidth(260);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTitles()).containsExactlyElementsOf(titles);
    }

    @Test
    void valuesCarryTheirUnits(FxRobot robot) {
        SimulationViewModel vm = ViewModelFixtures.vm(ViewModelFixtures.builtIn("global-region-outage-failover"));
        vm.advanceTo(120_000_000);
        EngineSnapshot s = vm.snapshot();
        robot.interact(() -> ledger.update(s));
        assertThat(ledger.rows()).isEqualTo(1);
        var row = ledger.getItems().get(0);
        List<String> values = ledger.getColumns().stream().map(c -> String.valueOf(c.getCellData(row))).toList();
        assertThat(values.get(3)).matches("\\d+\\.\\d s").as("RTO");
        assertThat(values.get(4)).endsWith(" s");
        assertThat(values.get(5)).matches("\\d+\\.\\d+ s").as("RPO");
        assertThat(values.get(6)).endsWith(" writes").startsWith(Numbers.grouped(row.acknowledgedWritesLost()));
        assertThat(values.get(7)).isEqualTo("rds:unplanned-global-failover-us-east-1-0m25s");
        assertThat(BuiltInScenarios.NAMES).contains("global-region-outage-failover");
    }
}
