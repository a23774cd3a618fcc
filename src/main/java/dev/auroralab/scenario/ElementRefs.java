package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.util.Set;

/**
 * Checks a lesson's references to elements of its scenario ({@code kind:id} in a highlight, {@code [label](kind:id)}
 * in a caption) with the timeline's own spelling rules, so an element a lesson names is one the window can find.
 */
final class ElementRefs {

    private final NodeReader read;
    private final ScenarioMapper.Declared declared;
    private final TimelineMapper timeline;
    private final Set<String> everInstance;

    ElementRefs(NodeReader read, ScenarioMapper.Declared declared, TimelineMapper timeline, Set<String> everInstance) {
        this.read = read;
        this.declared = declared;
        this.timeline = timeline;
        this.everInstance = everInstance;
    }

    /**
     * @param at where the reference is written (a caption's errors point at the caption)
     * @param where "in the caption", "in highlight": for the message
     */
    /**
     * A {@code highlight:} list of {@code kind:id} references, each checked against the scenario: what a lesson step
     * and a question's demonstration spotlight. {@code exampleAz} goes into the fix for a reference without a kind.
     */
    java.util.List<String> highlight(Node node, String exampleAz) throws ScenarioError {
        java.util.List<String> refs = new java.util.ArrayList<>();
        LocatedTree.ListNode list = read.list(node, "highlight", "Write highlight: [pg:pg-0, az:us-east-1c]");
        for (Node h : list.items()) {
            String ref = read.text(h, "an element");
            int colon = ref.indexOf(':');
            if (colon < 0) {
                throw read.error(h, "'" + ref + "' does not say what kind of element it is",
                        "Write kind:id, e.g. pg:pg-0 or az:" + exampleAz);
            }
            check(h, ref.substring(0, colon), ref.substring(colon + 1), "in highlight");
            refs.add(ref);
        }
        return refs;
    }

    void check(Node at, String kind, String id, String where) throws ScenarioError {
        if (!CaptionText.KINDS.contains(kind)) {
            throw read.error(at, "'" + kind + "' " + where + " is not a kind of element",
                    useOneOf(kind, CaptionText.KINDS));
        }
        if (kind.equals("term")) {
            if (id != null) {
                throw read.error(at, "a term " + where + " names no element ('term:" + id + "')",
                        "Write [label](term) for a key term");
            }
            return;
        }
        if (id == null || id.isEmpty()) {
            throw read.error(at, "the " + kind + " " + where + " has no id", "Write " + kind + ":ID, e.g. "
                    + example(kind));
        }
        // the timeline's checks read a value node: give them one at the reference's place
        Node value = new ScalarNode(ScalarKind.TEXT, id, null, at.line(), at.column());
        switch (kind) {
            case "instance" -> {
                if (!everInstance.contains(id)) {
                    throw read.error(at, "instance '" + id + "' " + where + " is not an instance of the scenario",
                            useOneOf(id, everInstance));
                }
            }
            case "az" -> {
                if (!declared.azRegion().containsKey(id)) {
                    throw read.error(at, "AZ '" + id + "' " + where + " is not one of the scenario's AZs",
                            useOneOf(id, declared.azRegion().keySet()));
                }
            }
            case "region" -> {
                if (!declared.regionAzs().containsKey(id)) {
                    throw read.error(at, "region '" + id + "' " + where + " is not a region of the scenario",
                            useOneOf(id, declared.regionAzs().keySet()));
                }
            }
            case "pg" -> {
                int slash = id.lastIndexOf('/');
                if (slash >= 0 && !declared.regionAzs().containsKey(id.substring(0, slash))) {
                    throw read.error(at, "region '" + id.substring(0, slash) + "' of '" + id + "' " + where
                            + " is not a region of the scenario", useOneOf(id, declared.regionAzs().keySet()));
                }
                read.pg(value, id.substring(slash + 1), where + " ", declared.pgCount());
            }
            case "endpoint" -> {
                if (!CaptionText.ENDPOINTS.contains(id)) {
                    throw read.error(at, "endpoint '" + id + "' " + where + " is not an endpoint the picture draws",
                            useOneOf(id, CaptionText.ENDPOINTS) + " (custom endpoints are not modelled)");
                }
            }
            case "segment" -> timeline.segmentAddress(value);
            case "node" -> timeline.storageNode(value);
            default -> throw new IllegalStateException(kind);
        }
    }

    private String example(String kind) {
        String az = declared.primaryAzs().get(0);
        return switch (kind) {
            case "instance" -> everInstance.iterator().next();
            case "az" -> az;
            case "region" -> declared.primaryRegion();
            case "pg" -> "pg-0";
            case "segment" -> "pg-0/" + az + "/1";
            case "endpoint" -> "cluster";
            default -> "sn-" + az + "-1";
        };
    }
}
