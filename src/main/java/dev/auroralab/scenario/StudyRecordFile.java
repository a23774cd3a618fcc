package dev.auroralab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.exam.Tally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner's {@link StudyRecord} as a small JSON file (the window keeps it as {@value #FILE_NAME} in the user's
 * configuration folder, beside the window layout):
 *
 * <pre>{@code
 * {"schemaVersion": 1, "sessions": 3,
 *  "cards": {"no-replica-recreate": {"box": 1, "lastSession": 3}},
 *  "practice": {"storage": {"asked": 4, "right": 3}},
 *  "predictions": {"high-availability": {"asked": 2, "right": 1}}}
 * }</pre>
 *
 * <p>A missing file is a first run: a fresh record, no notice. A file that cannot be read or makes no sense (bad JSON,
 * a box of 9, a domain this version does not know) is never a crash and never silently lost: the record starts fresh,
 * the notice says what was wrong and where, and the bad file is kept beside it as {@code .bad} for the learner to
 * look at. Saving writes a temporary file and moves it into place, so a crash mid-write leaves the old record whole.
 */
public final class StudyRecordFile {

    /** The file's name in the configuration folder. */
    public static final String FILE_NAME = "study-record.json";
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What {@link #load} found: the record (fresh when there was none or it was bad) and a notice when it was bad. */
    public record Loaded(StudyRecord record, String notice) {
    }

    private StudyRecordFile() {
    }

    /** Reads the record at {@code file}; never throws for a bad file (see the class comment). */
    public static Loaded load(Path file) {
        if (!Files.exists(file)) {
            return new Loaded(new StudyRecord(), null);
        }
        try {
            return new Loaded(parse(Files.readString(file, StandardCharsets.UTF_8)), null);
        } catch (IOException | IllegalArgumentException e) {
            Path kept = file.resolveSibling(file.getFileName() + ".bad");
            String keptText;
            try {
                Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
                keptText = "it is kept as " + kept;
            } catch (IOException moveFailed) {
                keptText = "it could not be kept aside (" + moveFailed.getMessage() + ") and will be overwritten";
            }
            return new Loaded(new StudyRecord(), "Your practice record in " + file + " could not be read ("
                    + describe(e) + "): practice starts fresh, and " + keptText + ".");
        }
    }

    /**
     * A record from its JSON text.
     *
     * @throws IllegalArgumentException saying what is wrong, and where for bad JSON (line and column)
     */
    static StudyRecord parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("not JSON at line " + (at == null ? "?" : at.getLineNr()) + ", column "
                    + (at == null ? "?" : at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file holds no JSON object");
        }
        int version = whole(root, "schemaVersion", 1, Integer.MAX_VALUE);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + version + " is not one this version reads ("
                    + SCHEMA_VERSION + ")");
        }
        int sessions = whole(root, "sessions", 0, Integer.MAX_VALUE);
        Map<String, StudyRecord.Card> cards = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "cards").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            cards.put(e.getKey(), new StudyRecord.Card(whole(c, "box", 1, StudyRecord.BOXES),
                    whole(c, "lastSession", 0, sessions)));
        }
        return new StudyRecord(sessions, cards, tallies(root, "practice"), tallies(root, "predictions"));
    }

    /** Writes the record, replacing the file whole (a temporary file moved into place). */
    public static void save(Path file, StudyRecord record) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, toJson(record).getBytes(StandardCharsets.UTF_8));
    }

    /** The record's JSON text, cards in id order and tallies in domain order: the same record, the same bytes. */
    static String toJson(StudyRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("sessions", record.session());
        ObjectNode cards = root.putObject("cards");
        record.cards().forEach((id, c) -> cards.putObject(id).put("box", c.box()).put("lastSession", c.lastSession()));
        putTallies(root.putObject("practice"), record.practice());
        putTallies(root.putObject("predictions"), record.predictions());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and words always writes", e);
        }
    }

    private static void putTallies(ObjectNode into, Map<Domain, Tally> tallies) {
        tallies.forEach((d, t) -> into.putObject(d.word()).put("asked", t.asked()).put("right", t.right()));
    }

    private static Map<Domain, Tally> tallies(JsonNode root, String key) {
        Map<Domain, Tally> result = new EnumMap<>(Domain.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = object(root, key).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Domain d = Domain.ofWord(e.getKey()).orElseThrow(() -> new IllegalArgumentException(key + ": '"
                    + e.getKey() + "' is no domain (" + String.join(", ", Domain.words()) + ")"));
            int asked = whole(e.getValue(), "asked", 0, Integer.MAX_VALUE);
            result.put(d, new Tally(asked, whole(e.getValue(), "right", 0, asked)));
        }
        return result;
    }

    private static JsonNode object(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return JSON.createObjectNode();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("'" + key + "' is not an object");
        }
        return n;
    }

    private static int whole(JsonNode parent, String key, int min, int max) {
        JsonNode n = parent.get(key);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a whole number");
        }
        int v = n.intValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException("'" + key + "' is " + v + ", outside " + min + " to " + max);
        }
        return v;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
