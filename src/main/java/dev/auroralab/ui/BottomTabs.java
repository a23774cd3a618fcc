package dev.auroralab.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * What sits under the topology: the charts alone for one region; for a Global Database the charts and the RPO/RTO
 * ledger as two tabs, the ledger's tab saying "(1, new)" until the learner looks at a row it gained.
 */
final class BottomTabs {

    static final String ID = "bottomTabs";

    private final Node charts;
    private final LedgerPane ledger;
    private final PanelLayout panels;
    private final TabPane tabs = new TabPane();
    private final Tab chartsTab = new Tab("Charts");
    private final Tab ledgerTab = new Tab();
    private int rowsSeen;
    private int titleRows = -1;

    BottomTabs(Node charts, LedgerPane ledger, PanelLayout panels) {
        this.charts = charts;
        this.ledger = ledger;
        this.panels = panels;
        chartsTab.setClosable(false);
        ledgerTab.setClosable(false);
        title();
        ledgerTab.setContent(ledger);
        tabs.getTabs().setAll(chartsTab, ledgerTab);
        tabs.setId(ID);
        tabs.getStyleClass().add("bottom-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == ledgerTab) {
                rowsSeen = ledger.rows();
                title();
            }
        });
        tabs.setMinHeight(150);
    }

    /** Follows the run: tabs for a Global Database, the charts alone otherwise, and the ledger tab's title. */
    void show(boolean isGlobal) {
        arrange(isGlobal);
        if (titleRows != ledger.rows()) {
            title();
        }
    }

    /** Shows the ledger's tab (a Global Database only), bringing the charts' place back if it was collapsed. */
    void showLedger(boolean isGlobal) {
        if (isGlobal) {
            arrange(true);
            panels.chooseCharts(true);
            tabs.getSelectionModel().select(ledgerTab);
        }
    }

    /** "RPO/RTO ledger (2)", with "new" while it has rows the learner has not looked at. */
    private void title() {
        int rows = ledger.rows();
        boolean unseen = rows > rowsSeen && !ledgerTab.isSelected();
        if (ledgerTab.isSelected() || rows < rowsSeen) {
            rowsSeen = rows;
        }
        titleRows = rows;
        ledgerTab.setText("RPO/RTO ledger (" + rows + (unseen ? ", new" : "") + ")");
    }

    private void arrange(boolean isGlobal) {
        if (charts == null) {
            return;
        }
        boolean tabbed = chartsTab.getContent() != null;
        if (isGlobal == tabbed) {
            return;
        }
        if (isGlobal) {
            chartsTab.setContent(charts);
            panels.setBottom(tabs);
            tabs.getSelectionModel().select(chartsTab);
        } else {
            panels.setBottom(null);
            chartsTab.setContent(null);
            panels.setBottom(charts);
        }
    }
}
