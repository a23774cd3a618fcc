package dev.auroralab.ui;

import dev.auroralab.engine.command.Command;

/**
 * One thing the learner can do to a selected element: the words on the menu item, the engine command it applies and
 * the key that does it too (null when none). Disabled actions stay on the menu with the reason, so a learner sees
 * why a copy cannot be restored rather than wondering where the item went.
 */
public record TopologyAction(String label, Command command, String shortcut, boolean enabled, String disabledReason,
        Kind kind, String submenu) {

    /** Which key-driven verb this is: F fails, R restores; OTHER has no shared key. */
    public enum Kind { FAIL, RESTORE, OTHER }

    public static TopologyAction of(String label, Command command, Kind kind) {
        String key = switch (kind) {
            case FAIL -> "F";
            case RESTORE -> "R";
            case OTHER -> null;
        };
        return new TopologyAction(label, command, key, true, null, kind, null);
    }

    /** The same action filed under a submenu (e.g. the sixteen promotion tiers). */
    public TopologyAction under(String submenuLabel) {
        return new TopologyAction(label, command, shortcut, enabled, disabledReason, kind, submenuLabel);
    }

    public TopologyAction disabledBecause(String reason) {
        return new TopologyAction(label, command, shortcut, false, reason, kind, submenu);
    }
}
