package dev.auroralab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads scenario files (JSON or YAML, chosen by extension) into a checked {@link Scenario}, or refuses them with one
 * {@link ScenarioError} that says where the problem is and how to fix it. Nothing is half-applied: a caller gets a
 * complete scenario or an error.
 */
public final class ScenarioReader {

    /** Larger files are refused before they are parsed. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    /** File name endings that select a format. */
    public static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private ScenarioReader() {
    }

    /** Turns a file's located tree into what the file describes (a scenario, a lesson), or refuses it. */
    @FunctionalInterface
    interface TreeMapping<T> {
        T map(String sourceName, LocatedTree.Node root) throws ScenarioError;
    }

    private static final TreeMapping<Scenario> SCENARIO = (source, root) -> new ScenarioMapper(source).map(root);

    /** Reads a scenario file from disk; errors name the file by its file name. */
    public static Scenario read(Path path) throws ScenarioError {
        return read(path, SCENARIO);
    }

    /** Reads a file from disk with the same checks (size, UTF-8, format by extension) and maps it. */
    static <T> T read(Path path, TreeMapping<T> mapping) throws ScenarioError {
        Path fileName = path.getFileName();
        String sourceName = fileName == null ? path.toString() : fileName.toString();
        LocatedTree.Format format = formatOf(sourceName);
        if (!Files.exists(path)) {
            throw ScenarioError.ofFile(sourceName, "file not found: " + path.toAbsolutePath(),
                    "Check the path and the spelling of the file name");
        }
        if (!Files.isRegularFile(path)) {
            throw ScenarioError.ofFile(sourceName, path.toAbsolutePath() + " is not a file",
                    "Give the path of a " + String.join(", ", EXTENSIONS) + " file");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(sourceName, size);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw ScenarioError.ofFile(sourceName, "could not read the file: " + e.getMessage(),
                    "Check that the file exists and can be read");
        }
        return parse(sourceName, format, bytes, mapping);
    }

    /**
     * Reads a scenario from text, e.g. a built-in scenario or a test fixture. {@code sourceName} is a file name; its
     * extension selects the format and it names the scenario in errors.
     */
    public static Scenario read(String sourceName, String text) throws ScenarioError {
        return read(sourceName, text, SCENARIO);
    }

    static <T> T read(String sourceName, String text, TreeMapping<T> mapping) throws ScenarioError {
        LocatedTree.Format format = formatOf(sourceName);
        if (text == null) {
            throw new ScenarioError(sourceName, 1, 1, "the file is empty",
                    "Start with 'schemaVersion: 1' and describe a cluster");
        }
        if (text.length() > MAX_FILE_BYTES / 3) {
            long size = text.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(sourceName, size);
            }
        }
        return parse(sourceName, format, text, mapping);
    }

    /** Reads a scenario from the class path, e.g. {@code scenarios/lose-an-az.yaml}. */
    public static Scenario readResource(String classpathPath) throws ScenarioError {
        return readResource(ScenarioReader.class.getClassLoader(), classpathPath);
    }

    static Scenario readResource(ClassLoader loader, String classpathPath) throws ScenarioError {
        return readResource(loader, classpathPath, SCENARIO);
    }

    static <T> T readResource(ClassLoader loader, String classpathPath, TreeMapping<T> mapping)
            throws ScenarioError {
        String path = classpathPath.startsWith("/") ? classpathPath.substring(1) : classpathPath;
        String sourceName = path.substring(path.lastIndexOf('/') + 1);
        LocatedTree.Format format = formatOf(sourceName);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw ScenarioError.ofFile(sourceName, "no scenario at '" + path + "' on the class path",
                        "Check the resource path, e.g. scenarios/lose-an-az.yaml");
            }
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(sourceName, -1);
            }
            return parse(sourceName, format, bytes, mapping);
        } catch (IOException e) {
            throw ScenarioError.ofFile(sourceName, "could not read '" + path + "' from the class path: "
                    + e.getMessage(), "Check the resource");
        }
    }

    private static <T> T parse(String sourceName, LocatedTree.Format format, byte[] bytes, TreeMapping<T> mapping)
            throws ScenarioError {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ScenarioError.ofFile(sourceName, "the file is not UTF-8 text", "Save it as UTF-8");
        }
        return parse(sourceName, format, text, mapping);
    }

    private static <T> T parse(String sourceName, LocatedTree.Format format, String text, TreeMapping<T> mapping)
            throws ScenarioError {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ScenarioError(sourceName, 1, 1, "the file is empty",
                    "Start with 'schemaVersion: 1' and describe a cluster");
        }
        return mapping.map(sourceName, LocatedTree.parse(sourceName, text, format));
    }

    private static LocatedTree.Format formatOf(String sourceName) throws ScenarioError {
        String lower = sourceName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return LocatedTree.Format.JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return LocatedTree.Format.YAML;
        }
        throw ScenarioError.ofFile(sourceName, "cannot tell the format of '" + sourceName + "' from its name",
                "Name the file with one of the extensions " + String.join(", ", EXTENSIONS));
    }

    private static ScenarioError tooLarge(String sourceName, long size) {
        String actual = size < 0 ? "more than 1 MiB" : size + " bytes";
        return ScenarioError.ofFile(sourceName, "the file is " + actual + ", over the limit of 1 MiB ("
                + MAX_FILE_BYTES + " bytes)", "Scenarios are small: split the file or remove repeated entries");
    }
}
