package dev.auroralab.ui;

import atlantafx.base.theme.Styles;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.ui.topology.GlobalStripView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * The Global Database's part of the window, all hidden for a single-region cluster:
 * <ul>
 *   <li>the alarm bar (split brain, commits blocked by the managed RPO), under the volume banner;</li>
 *   <li>the global strip, one card per region ({@link GlobalStripView});</li>
 *   <li>the region bar, the title of the topology below it ("Region eu-west-1 · SECONDARY, read-only") with the
 *       actions for that region as buttons;</li>
 *   <li>the Global menu, the same actions for the keyboard;</li>
 *   <li>the RPO/RTO ledger ({@link LedgerPane}).</li>
 * </ul>
 * Everything is updated from the snapshot, but the nodes are touched only when what they show changed (a role, a
 * setting, an alarm, a new ledger row), never merely because time passed (decision 0009).
 */
public final class GlobalControls {

    public static final String ALARM_ID = "globalAlarm";
    public static final String REGION_BAR_ID = "regionBar";
    public static final String REGION_TITLE_ID = "regionTitle";

    private final SimulationViewModel vm;
    private final GlobalStripView strip;
    private final Label alarm = new Label();
    private final Label title = new Label();
    private final ToolBar bar = new ToolBar();
    private final Menu menu = new Menu("_Global");
    private final LedgerPane ledger = new LedgerPane();
    private final List<Action> buttons = new ArrayList<>();
    private final MenuButton forwarding = new MenuButton(RegionActions.FORWARDING);
    private final MenuButton rpo = new MenuButton(RegionActions.MANAGED_RPO);
    private boolean global;
    private boolean presenter;
    private long shownKey = Long.MIN_VALUE;
    private String shownAlarm = "";

    /** One button of the region bar, with the wrapper that carries its tooltip (a disabled button shows none). */
    private record Action(Class<? extends Command> command, Button button, StackPane holder, Tooltip tip) {
    }

    public GlobalControls(SimulationViewModel vm) {
        this.vm = vm;
        this.strip = new GlobalStripView(vm);

        alarm.setId(ALARM_ID);
        alarm.setMaxWidth(Double.MAX_VALUE);
        alarm.setWrapText(true);
        alarm.setPadding(new Insets(6, 12, 6, 12));
        alarm.getStyleClass().addAll("volume-banner", "global-alarm", Styles.DANGER);
        // a VBox short of room shrinks a label to its minimum: keep both lines of two alarms
        alarm.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alarm.setTooltip(new Tooltip("Split brain: after a detach and promote, the old primary came back and takes"
                + " writes too; the two regions' data diverge and nothing merges them.\nCommits blocked: with a"
                + " managed RPO, the primary holds its commits while every secondary is further behind than the"
                + " RPO, so a failover can never lose more than it."));
        show(alarm, false);

        title.setId(REGION_TITLE_ID);
        title.getStyleClass().addAll(Styles.TITLE_4, "region-title");
        title.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        bar.setId(REGION_BAR_ID);
        bar.getStyleClass().add("region-bar");
        button(Command.FailRegion.class, "Fail region", "F");
        button(Command.RestoreRegion.class, "Restore", "R");
        button(Command.Switchover.class, "Switch over", null);
        button(Command.FailoverGlobal.class, "Fail over (data loss)", null);
        button(Command.DetachAndPromote.class, "Detach & promote", null);
        forwarding.getStyleClass().add(Styles.SMALL);
        rpo.getStyleClass().add(Styles.SMALL);
        // whole words or nothing: what does not fit goes to the bar's overflow menu (») instead of ending in "…"
        forwarding.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        rpo.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        forwarding.setTooltip(new Tooltip("Write forwarding in this secondary: its applications write through the"
                + " primary, and read locally with the consistency chosen"));
        rpo.setTooltip(new Tooltip("Managed RPO (rds.global_db_rpo), set on the primary: commits wait while every"
                + " secondary is further behind than this"));
        bar.getItems().add(title);
        bar.getItems().add(new Separator(Orientation.VERTICAL));
        buttons.forEach(a -> bar.getItems().add(a.holder()));
        bar.getItems().addAll(forwarding, rpo);
        show(bar, false);

        menu.setOnShowing(e -> refreshMenu());
        menu.getItems().add(new MenuItem("(rebuilt when opened)"));
        menu.setVisible(false);

        vm.snapshotProperty().addListener((o, a, s) -> update(s));
        vm.chosenRegionProperty().addListener((o, a, b) -> update(vm.snapshot()));
        update(vm.snapshot());
    }

    public GlobalStripView strip() {
        return strip;
    }

    public Label alarm() {
        return alarm;
    }

    public ToolBar regionBar() {
        return bar;
    }

    public Menu menu() {
        return menu;
    }

    public LedgerPane ledger() {
        return ledger;
    }

    public boolean isGlobal() {
        return global;
    }

    public void setPalette(Palette p) {
        strip.setPalette(p);
    }

    /**
     * Presenter mode: the region bar goes (its actions stay on each card's menu and on the keys G, F and R) and the
     * strip's cards become compact, so the topology keeps its room; {@code shortWindow} compacts the strip too.
     */
    public void setCompact(boolean presenterMode, boolean shortWindow) {
        presenter = presenterMode;
        show(bar, global && !presenterMode);
        strip.setCompact(presenterMode || shortWindow);
    }

    private void button(Class<? extends Command> command, String text, String key) {
        Button b = new Button(text);
        b.getStyleClass().addAll("region-action", Styles.SMALL);
        b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        b.setFocusTraversable(true);
        StackPane holder = new StackPane(b);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        // on the holder: a disabled button shows no tooltip, and the reason it is disabled is what a learner wants
        Tooltip.install(holder, tip);
        Action a = new Action(command, b, holder, tip);
        b.setOnAction(e -> actionFor(command).ifPresent(t -> vm.act(t.command())));
        buttons.add(a);
        if (key != null) {
            b.setText(text + " (" + key + ")");
        }
    }

    private java.util.Optional<TopologyAction> actionFor(Class<? extends Command> command) {
        return RegionActions.forRegion(vm.viewedRegion(), vm.snapshot()).stream()
                .filter(t -> command.isInstance(t.command())).findFirst();
    }

    // =================================================================================================================
    // Following the snapshot
    // =================================================================================================================

    private void update(EngineSnapshot s) {
        if (s == null) {
            return;
        }
        boolean g = s.isGlobal();
        if (g != global) {
            global = g;
            show(bar, g && !presenter);
            menu.setVisible(g);
            shownKey = Long.MIN_VALUE;
        }
        ledger.update(s);
        if (!g) {
            setAlarm("");
            return;
        }
        // the words are built only when an alarm is on: most frames have none
        GlobalSnapshot gs = s.global();
        setAlarm(gs == null || !gs.splitBrain() && !gs.commitsBlocked() ? "" : alarmText(s));
        String region = vm.viewedRegion();
        long key = RegionActions.stateKey(s, region);
        if (key != shownKey) {
            shownKey = key;
            refreshBar(s, region);
        }
    }

    private void setAlarm(String text) {
        if (text.equals(shownAlarm)) {
            return;
        }
        shownAlarm = text;
        alarm.setText(text);
        show(alarm, !text.isEmpty());
    }

    /** What the alarm bar says, or "" when all is well: the two states a teacher must not miss. */
    public static String alarmText(EngineSnapshot s) {
        GlobalSnapshot g = s.global();
        if (g == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        // short enough for one line at 1280 px; the tooltip and the inspector say the rest
        if (g.splitBrain()) {
            lines.add("⚠ SPLIT BRAIN · two regions take writes: " + String.join(" and ", g.writableRegions()));
        }
        if (g.commitsBlocked()) {
            lines.add("⊘ COMMITS BLOCKED · every secondary is over " + g.managedRpoSeconds()
                    + " s behind (managed RPO)");
        }
        return String.join("\n", lines);
    }

    /** "eu-west-1 · SECONDARY": the title of the topology below the bar, with the role's glyph. */
    public static String regionTitle(RegionSnapshot r) {
        String role = switch (r.role()) {
            case PRIMARY -> "★ PRIMARY";
            case DETACHED -> "◇ DETACHED";
            case DOWN -> "✕ DOWN";
            case SECONDARY -> "SECONDARY";
        };
        return r.region() + " · " + role + (r.resyncing() ? " ↻ rebuilding" : "");
    }

    private void refreshBar(EngineSnapshot s, String region) {
        RegionSnapshot r = s.regionSnapshot(region);
        if (r == null) {
            return;
        }
        title.setText(regionTitle(r));
        List<TopologyAction> actions = RegionActions.forRegion(region, s);
        for (Action a : buttons) {
            TopologyAction t = actions.stream().filter(x -> a.command().isInstance(x.command())).findFirst()
                    .orElse(null);
            boolean enabled = t != null && t.enabled();
            a.button().setDisable(!enabled);
            a.tip().setText(t == null ? "" : enabled ? t.label() : t.label() + ": not now, " + t.disabledReason());
        }
        forwarding.getItems().setAll(ActionMenus.items(actions.stream()
                .filter(t -> RegionActions.FORWARDING.equals(t.submenu())).map(t -> t.under(null)).toList(), vm::act));
        rpo.getItems().setAll(ActionMenus.items(actions.stream()
                .filter(t -> RegionActions.MANAGED_RPO.equals(t.submenu())).map(t -> t.under(null)).toList(),
                vm::act));
        // the menu buttons say what is set now
        String fwd = RegionActions.forwarding(r);
        long managed = s.global() == null ? 0 : s.global().managedRpoSeconds();
        forwarding.setText("Forwarding: " + (r.primary() ? "-" : fwd == null ? "off" : fwd));
        rpo.setText("Managed RPO: " + (managed == 0 ? "off" : managed + " s"));
        forwarding.setDisable(forwarding.getItems().stream().allMatch(MenuItem::isDisable));
        rpo.setDisable(rpo.getItems().stream().allMatch(MenuItem::isDisable));
        // Aurora MySQL has no managed RPO: the bar does not offer it at all
        rpo.setVisible(!rpo.getItems().isEmpty());
        rpo.setManaged(!rpo.getItems().isEmpty());
        // the bar decides what overflows only when its items or its width change, not when a text does: set the
        // items again so it measures the new texts (rare: a role or a setting changed)
        bar.getItems().setAll(new ArrayList<>(bar.getItems()));
    }

    private void refreshMenu() {
        EngineSnapshot s = vm.snapshot();
        List<MenuItem> items = new ArrayList<>();
        String region = vm.viewedRegion();
        if (s != null && s.isGlobal() && region != null) {
            MenuItem head = new MenuItem("Region " + region + " (the one shown)");
            head.setDisable(true);
            items.add(head);
            items.addAll(ActionMenus.items(RegionActions.forRegion(region, s), vm::act));
            items.add(new SeparatorMenuItem());
        }
        MenuItem next = new MenuItem("Show the next region");
        next.setAccelerator(new KeyCodeCombination(KeyCode.G));
        next.setOnAction(e -> vm.selectAdjacentRegion(1));
        MenuItem previous = new MenuItem("Show the previous region");
        previous.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHIFT_DOWN));
        previous.setOnAction(e -> vm.selectAdjacentRegion(-1));
        MenuItem writes = new MenuItem("Show the region the writes go to");
        writes.setOnAction(e -> vm.showRegion(null));
        items.addAll(List.of(next, previous, writes));
        menu.getItems().setAll(items);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** For tests: the region bar's button that applies this kind of command. */
    public Button buttonFor(Class<? extends Command> command) {
        return buttons.stream().filter(a -> a.command() == command).map(Action::button).findFirst().orElse(null);
    }
}
