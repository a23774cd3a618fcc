package dev.auroralab.scenario;

import java.util.List;

/** The scenarios shipped in src/main/resources/scenarios/, in the order a learner meets them. */
public final class BuiltInScenarios {

    public static final List<String> NAMES = List.of("healthy-cluster", "lose-an-az", "az-plus-one",
            "writer-crash-failover-by-tier", "writer-crash-no-replica", "writer-restart-vs-failover",
            "two-copies-destroyed", "replica-lag-burst",
            "global-switchover", "global-region-outage-failover", "global-detach-and-promote",
            "global-write-forwarding", "global-managed-rpo");

    /**
     * Built-in scenarios kept out of {@link #NAMES}: too large to be a fixture of every test that walks the built-ins
     * (a 256 TiB volume takes seconds to build and a quarter of a second per snapshot, and those tests take thousands).
     * They open by name like the others ({@code --scenario largest-volume}, {@code run}, {@code validate}) and are
     * checked by their own tests (MythCardsTest); the myth cards open them (decision 0021).
     */
    public static final List<String> LARGE = List.of("largest-volume");

    /** The scenario the window opens on. */
    public static final String DEFAULT = "healthy-cluster";

    private BuiltInScenarios() {
    }

    public static Scenario load(String name) throws ScenarioError {
        return ScenarioReader.readResource("scenarios/" + name + ".yaml");
    }

    /**
     * A scenario file, or the name of a built-in one ({@code az-plus-one}, also with {@code .yaml}) when no such file
     * exists: one resolver for every command that takes a scenario. Errors are the reader's: file, line, column, what
     * to do.
     */
    public static Scenario fileOrBuiltIn(String arg) throws ScenarioError {
        List<String> all = new java.util.ArrayList<>(NAMES);
        all.addAll(LARGE);
        return fileOrBuiltIn(arg, all, "scenario", BuiltInScenarios::load, ScenarioReader::read);
    }

    /** Reads a built-in by name or a file by path. */
    @FunctionalInterface
    interface Reader<K, T> {
        T read(K key) throws ScenarioError;
    }

    /**
     * The resolver every command that takes a file uses (scenarios, lessons): an existing file is read as a file;
     * otherwise a built-in's name (with or without .yaml) is loaded; a bare word that is neither is refused with the
     * built-in names; anything else is read as a path, so the reader says "file not found" with it.
     *
     * @param what "scenario" or "lesson", for the message
     */
    static <T> T fileOrBuiltIn(String arg, List<String> names, String what, Reader<String, T> builtIn,
            Reader<java.nio.file.Path, T> file) throws ScenarioError {
        java.nio.file.Path p = java.nio.file.Path.of(arg);
        if (!java.nio.file.Files.exists(p)) {
            String name = arg.endsWith(".yaml") ? arg.substring(0, arg.length() - ".yaml".length()) : arg;
            if (names.contains(name)) {
                return builtIn.read(name);
            }
            if (!arg.contains("/") && !arg.contains("\\") && !arg.contains(".")) {
                throw new ScenarioError(arg, 0, 0, "no such file, and no built-in " + what + " by that name",
                        "Give a " + what + " file or one of: " + String.join(", ", names));
            }
        }
        return file.read(p);
    }
}
