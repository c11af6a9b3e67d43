package dev.orgbff.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small imitation of Logto's {@code koaGuard} with zod 3: reads the fields of a request body or query,
 * collects every issue in zod's shape ({@code code}, {@code path}, {@code message}, …) and, through
 * {@link #validate()}, answers 400 {@code guard.invalid_input} with {@code data} = the ZodError and
 * {@code details} = one {@code Error in key path "…"} line per issue. Unknown keys are ignored (zod strips them).
 */
final class Guard {

    /** zod's {@code z.string().email()} pattern. */
    static final Pattern ZOD_EMAIL = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)([A-Z0-9_'+\\-.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\\-]*\\.)+[A-Z]{2,}$", Pattern.CASE_INSENSITIVE);
    /** Logto's {@code emailRegEx} for user primary emails. */
    static final Pattern LOGTO_EMAIL = Pattern.compile("^\\S+@\\S+\\.\\S+$");
    static final Pattern LOGTO_PHONE = Pattern.compile("^\\d+$");
    static final Pattern LOGTO_USERNAME = Pattern.compile("^[A-Z_a-z]\\w*$");
    static final Pattern HEX_COLOR = Pattern.compile("^#[\\da-f]{3}([\\da-f]{3})?$", Pattern.CASE_INSENSITIVE);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String type;
    private final JsonNode input;
    private final List<Object> prefix;
    private final ArrayNode issues;
    private final List<String> details;

    private Guard(String type, JsonNode input, List<Object> prefix, ArrayNode issues, List<String> details) {
        this.type = type;
        this.input = input;
        this.prefix = prefix;
        this.issues = issues;
        this.details = details;
    }

    private Guard(String type, JsonNode input) {
        this(type, input, List.of(), NODES.arrayNode(), new ArrayList<>());
    }

    /** A guard over the object in {@code key} whose issues join this guard's, with paths like {@code color.primaryColor}. */
    Guard nested(String key, JsonNode value) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(key);
        return new Guard(type, value, List.copyOf(path), issues, details);
    }

    /** A guard over a JSON request body; a body that is not an object is the only issue zod reports then. */
    static Guard body(JsonNode body) {
        if (!body.isObject()) {
            Guard guard = new Guard("body", NODES.missingNode());
            guard.invalidType(guard.path(), "object", body);
            return guard;
        }
        return new Guard("body", body);
    }

    /** A guard over the query (see {@link Request#queryObject()}). */
    static Guard query(ObjectNode query) {
        return new Guard("query", query);
    }

    /** The field's value, or null when absent (or when the input is not an object, so fields are not checked). */
    private @Nullable JsonNode value(String key) {
        return input.isObject() ? input.get(key) : null;
    }

    private boolean rootInvalid() {
        return !input.isObject();
    }

    /**
     * The field's value when it is present and {@code accepted}; otherwise null, after adding zod's
     * {@code invalid_type} issue for a value of another type, or for a missing field that is {@code required}
     * (unless the whole input is already invalid: zod then reports only that).
     */
    private @Nullable JsonNode typed(String key, String expected, boolean required, Predicate<JsonNode> accepted) {
        JsonNode value = value(key);
        if (value == null) {
            if (required && !rootInvalid()) {
                invalidType(path(key), expected, null);
            }
            return null;
        }
        if (!accepted.test(value)) {
            invalidType(path(key), expected, value);
            return null;
        }
        return value;
    }

    /** Answers 400 {@code guard.invalid_input} when any issue was found. */
    void validate() {
        if (!issues.isEmpty()) {
            throw ApiError.guard(type, issues, String.join("\n", details));
        }
    }

    // ---------------------------------------------------------------- strings

    /** {@code z.string().min(min).max(max)}, required; {@code max < 0} means no maximum. */
    String requiredString(String key, int min, int max) {
        Field<String> field = string(key, min, max, false, true);
        return field.value() == null ? "" : field.value();
    }

    /** {@code z.string().min(min).max(max)[.nullable()].optional()}. */
    Field<String> optionalString(String key, int min, int max, boolean nullable) {
        return string(key, min, max, nullable, false);
    }

    /** {@code z.string().regex(pattern)} or {@code .email()} / {@code .url()} ({@code validation} names which), optional. */
    Field<String> optionalMatching(String key, Pattern pattern, String validation, boolean nullable) {
        Field<String> field = string(key, 0, -1, nullable, false);
        if (field.value() != null && !pattern.matcher(field.value()).matches()) {
            invalidString(path(key), validation);
        }
        return field;
    }

    /** {@code z.string().email()}, required. */
    String requiredEmail(String key) {
        String value = requiredString(key, 0, -1);
        JsonNode node = value(key);
        if (node != null && node.isString() && !ZOD_EMAIL.matcher(value).matches()) {
            invalidString(path(key), "email");
        }
        return value;
    }

    /** {@code z.string().url()} (or the empty string when {@code emptyAllowed}), optional and nullable. */
    Field<String> optionalUrl(String key, boolean emptyAllowed) {
        Field<String> field = string(key, 0, -1, true, false);
        String value = field.value();
        if (value != null && !(emptyAllowed && value.isEmpty()) && !isUrl(value)) {
            invalidString(path(key), "url");
        }
        return field;
    }

    private Field<String> string(String key, int min, int max, boolean nullable, boolean required) {
        JsonNode value = typed(key, "string", required, node -> node.isString() || (nullable && node.isNull()));
        if (value == null) {
            return Field.absent();
        }
        if (value.isNull()) {
            return Field.of(null);
        }
        String text = value.stringValue();
        checkLength(path(key), text, min, max);
        return Field.of(text);
    }

    // ---------------------------------------------------------------- other scalars

    Field<Boolean> optionalBoolean(String key) {
        JsonNode value = typed(key, "boolean", false, JsonNode::isBoolean);
        return value == null ? Field.absent() : Field.of(value.booleanValue());
    }

    /** {@code z.number()}, required; answers 0 when invalid (the guard then fails anyway). */
    double requiredNumber(String key) {
        JsonNode value = typed(key, "number", true, JsonNode::isNumber);
        return value == null ? 0 : value.doubleValue();
    }

    /** A JSON object, required; null when absent or not an object (the guard then fails). */
    @Nullable ObjectNode requiredObject(String key) {
        JsonNode value = typed(key, "object", true, JsonNode::isObject);
        return value == null ? null : (ObjectNode) value.deepCopy();
    }

    /** A JSON object such as {@code customData} (see {@link #nested} to check its fields). */
    Field<ObjectNode> optionalObject(String key) {
        JsonNode value = typed(key, "object", false, JsonNode::isObject);
        return value == null ? Field.absent() : Field.of((ObjectNode) value.deepCopy());
    }

    /** {@code z.enum(options)}, optional. */
    Field<String> optionalEnum(String key, List<String> options) {
        return enumValue(key, options, false);
    }

    /** {@code z.enum(options)}, required. */
    String requiredEnum(String key, List<String> options) {
        Field<String> field = enumValue(key, options, true);
        return field.value() == null ? "" : field.value();
    }

    private Field<String> enumValue(String key, List<String> options, boolean required) {
        JsonNode value = typed(key, joinOptions(options), required, JsonNode::isString);
        if (value == null) {
            return Field.absent();
        }
        String text = value.stringValue();
        if (!options.contains(text)) {
            invalidEnum(path(key), options, text);
            return Field.absent();
        }
        return Field.of(text);
    }

    /** {@code z.enum(options).array()} with at least {@code minItems} items, optional. */
    Field<List<String>> optionalEnumArray(String key, List<String> options, int minItems) {
        Field<List<String>> field = stringArray(key, minItems, 0, false);
        if (field.value() == null) {
            return field;
        }
        boolean valid = true;
        for (int i = 0; i < field.value().size(); i++) {
            String text = field.value().get(i);
            if (!options.contains(text)) {
                invalidEnum(path(key, i), options, text);
                valid = false;
            }
        }
        return valid ? field : Field.absent();
    }

    private void invalidEnum(List<Object> path, List<String> options, String text) {
        ObjectNode issue = issue("invalid_enum_value", path,
                "Invalid enum value. Expected " + joinOptions(options) + ", received '" + text + "'");
        ArrayNode optionNodes = issue.putArray("options");
        options.forEach(optionNodes::add);
        issue.put("received", text);
    }

    // ---------------------------------------------------------------- arrays

    /** {@code z.string().min(itemMin).array()} with at least {@code minItems} items, required. */
    List<String> requiredStringArray(String key, int minItems, int itemMin) {
        Field<List<String>> field = stringArray(key, minItems, itemMin, true);
        return field.value() == null ? List.of() : field.value();
    }

    /** {@code z.string().min(itemMin).array().optional()}. */
    Field<List<String>> optionalStringArray(String key, int itemMin) {
        return stringArray(key, 0, itemMin, false);
    }

    private Field<List<String>> stringArray(String key, int minItems, int itemMin, boolean required) {
        JsonNode value = typed(key, "array", required, JsonNode::isArray);
        if (value == null) {
            return Field.absent();
        }
        List<String> items = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            List<Object> path = path(key, i);
            if (!item.isString()) {
                invalidType(path, "string", item);
                valid = false;
            } else {
                valid &= checkLength(path, item.stringValue(), itemMin, -1);
                items.add(item.stringValue());
            }
        }
        if (value.size() < minItems) {
            ObjectNode issue = issue("too_small", path(key), "Array must contain at least " + minItems + " element(s)");
            issue.put("minimum", minItems).put("type", "array").put("inclusive", true).put("exact", false);
            valid = false;
        }
        return valid ? Field.of(List.copyOf(items)) : Field.absent();
    }

    // ---------------------------------------------------------------- issue builders

    private boolean checkLength(List<Object> path, String text, int min, int max) {
        boolean valid = true;
        if (text.length() < min) {
            ObjectNode issue = issue("too_small", path, "String must contain at least " + min + " character(s)");
            issue.put("minimum", min).put("type", "string").put("inclusive", true).put("exact", false);
            valid = false;
        }
        if (max >= 0 && text.length() > max) {
            ObjectNode issue = issue("too_big", path, "String must contain at most " + max + " character(s)");
            issue.put("maximum", max).put("type", "string").put("inclusive", true).put("exact", false);
            valid = false;
        }
        return valid;
    }

    private void invalidString(List<Object> path, String validation) {
        String message = switch (validation) {
            case "email" -> "Invalid email";
            case "url" -> "Invalid url";
            default -> "Invalid";
        };
        issue("invalid_string", path, message).put("validation", validation);
    }

    /** zod's {@code invalid_type}: "Required" for a missing value, "Expected x, received y" otherwise. */
    private void invalidType(List<Object> path, String expected, @Nullable JsonNode value) {
        String received = received(value);
        String message = "undefined".equals(received) ? "Required" : "Expected " + expected + ", received " + received;
        ObjectNode issue = NODES.objectNode();
        issue.put("code", "invalid_type");
        issue.put("expected", expected);
        issue.put("received", received);
        issue.set("path", pathNode(path));
        issue.put("message", message);
        issues.add(issue);
        // Logto's formatZodError words invalid_type issues on its own
        details.add(prefix(path, "invalid_type") + "Expected " + expected + " but received " + received + ".");
    }

    private ObjectNode issue(String code, List<Object> path, String message) {
        ObjectNode issue = NODES.objectNode();
        issue.put("code", code);
        issue.set("path", pathNode(path));
        issue.put("message", message);
        issues.add(issue);
        details.add(prefix(path, code) + message);
        return issue;
    }

    private List<Object> path(Object... segments) {
        List<Object> path = new ArrayList<>(prefix);
        path.addAll(List.of(segments));
        return path;
    }

    private static String prefix(List<Object> path, String code) {
        String joined = path.stream().map(String::valueOf).collect(Collectors.joining("."));
        return "Error in key path \"" + joined + "\": (" + code + ") ";
    }

    private static ArrayNode pathNode(List<Object> path) {
        ArrayNode node = NODES.arrayNode();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                node.add(index);
            } else {
                node.add(String.valueOf(segment));
            }
        }
        return node;
    }

    /** zod's {@code getParsedType} for JSON values. */
    private static String received(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    private static String joinOptions(List<String> options) {
        return options.stream().map(option -> "'" + option + "'").collect(Collectors.joining(" | "));
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getHost() != null || uri.getSchemeSpecificPart() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
