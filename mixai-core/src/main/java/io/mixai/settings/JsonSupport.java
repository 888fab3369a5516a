package io.mixai.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mixai.io.AtomicFileOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Parsing and printing shared by the settings formats. Values go through Jackson's tree model
 * so every check can name its JSON path. Doubles are printed with Java's {@code Double.toString},
 * which parses back to the same bits. The layout is two-space indentation with {@code "key": value}
 * (the layout Python's {@code json.dump(indent=2)} writes, so the dataset's files round-trip
 * as text).
 */
final class JsonSupport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        WRITER = MAPPER.writer(printer);
    }

    private JsonSupport() {
    }

    /** Parses a document; syntax errors become a {@link SettingsException} with line and column. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new SettingsException("$", "the document is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SettingsException(null, null, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Pretty-prints a tree, ending with a newline. */
    static String print(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a JSON tree", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SettingsException(file, null, "cannot read: not a JSON text file (its bytes are not UTF-8)", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SettingsException(file, null, "cannot read: no such file", e);
        } catch (IOException e) {
            throw new SettingsException(file, null, "cannot read: " + e, e);
        }
    }

    /** Reads a file and parses its text with {@code parser}; settings errors then name the file. */
    static <T> T readFile(Path file, Function<String, T> parser) {
        String text = read(file);
        try {
            return parser.apply(text);
        } catch (SettingsException e) {
            throw e.inFile(file);
        }
    }

    /** Writes through a temporary file in the same directory, moved into place atomically. */
    static void writeAtomically(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFileOutput.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A JSON value as it appears in a document, for messages: {@code "four"}, {@code 4}, {@code null}, an object. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** The path of a member, quoting keys that are not plain identifiers. */
    static String member(String path, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }

}
