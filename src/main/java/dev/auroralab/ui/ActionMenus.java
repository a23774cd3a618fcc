package dev.auroralab.ui;

import dev.auroralab.engine.command.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Menu items for a list of {@link TopologyAction}s: one item per action, its key after the label, a disabled item
 * followed by the reason, actions filed under a submenu gathered in it. Shared by the topology's and the global
 * strip's context menus and the Global menu, so all of them read alike.
 */
public final class ActionMenus {

    private ActionMenus() {
    }

    /** The items, headed by the selection's name when there is one. */
    public static List<MenuItem> items(Selection s, List<TopologyAction> actions, Consumer<Command> act) {
        List<MenuItem> items = new ArrayList<>();
        if (s != null && !actions.isEmpty()) {
            MenuItem head = new MenuItem(s.describe());
            head.setDisable(true);
            items.add(head);
            items.add(new SeparatorMenuItem());
        }
        items.addAll(items(actions, act));
        return items;
    }

    public static List<MenuItem> items(List<TopologyAction> actions, Consumer<Command> act) {
        Map<String, Menu> subs = new LinkedHashMap<>();
        List<MenuItem> items = new ArrayList<>();
        for (TopologyAction a : actions) {
            MenuItem item = new MenuItem(text(a));
            item.setDisable(!a.enabled());
            item.setOnAction(ev -> act.accept(a.command()));
            if (a.submenu() != null) {
                subs.computeIfAbsent(a.submenu(), k -> {
                    Menu m = new Menu(k);
                    items.add(m);
                    return m;
                }).getItems().add(item);
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /** "Fail region eu-west-1    (F)", or with " - why not" when disabled. */
    public static String text(TopologyAction a) {
        return a.label() + (a.shortcut() == null ? "" : "    (" + a.shortcut() + ")")
                + (a.enabled() || a.disabledReason() == null ? "" : " - " + a.disabledReason());
    }
}
