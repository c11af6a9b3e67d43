package dev.orgbff.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Logto's advanced user search ({@code packages/core/src/utils/search.ts}, CONTRACT.md §3): keys starting
 * with {@code search} give values per field ({@code search} alone = every field), keys starting with
 * {@code mode} give the match mode ({@code exact | like | similar_to | posix}, default {@code like},
 * which adds no wildcards), {@code joint}/{@code jointMode} combines fields ({@code or | and}) and
 * {@code isCaseSensitive} switches case handling. Several values are allowed only in exact mode. Every
 * rule violation is a {@code TypeError} in Logto, answered as 400 {@code request.invalid_input} with
 * {@code data: {}}.
 */
final class UserSearch {

    /** The searchable columns, snake_case as Logto names them in its errors. */
    private static final List<String> FIELDS = List.of("id", "primary_email", "primary_phone", "username", "name");
    private static final List<String> MODES = List.of("exact", "like", "similar_to", "posix");

    private final List<Predicate<User>> conditions;
    private final boolean and;

    private UserSearch(List<Predicate<User>> conditions, boolean and) {
        this.conditions = conditions;
        this.and = and;
    }

    /** Parses the query pairs in request order, with Logto's checks in Logto's order. */
    static UserSearch parse(List<Map.Entry<String, String>> query) {
        String jointValue = first(query, "joint");
        if (jointValue == null) {
            jointValue = first(query, "jointMode");
        }
        boolean and = false;
        if (jointValue != null && !jointValue.isEmpty()) {
            if (!List.of("or", "and").contains(jointValue)) {
                throw typeError("Search joint mode `" + jointValue + "` is not valid, expect one of or, and.");
            }
            and = "and".equals(jointValue);
        }
        String caseValue = first(query, "isCaseSensitive");
        boolean caseSensitive = Request.isYes(caseValue);

        Map<String, String> modes = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : query) {
            String key = pair.getKey();
            if (key.startsWith("mode")) {
                String field = field(key);
                String mode = pair.getValue();
                if (!MODES.contains(mode)) {
                    throw typeError("Search match mode `" + mode + "`" + (field.isEmpty() ? "" : " for field `" + field + "`")
                            + " is not valid, expect one of exact, like, similar_to, posix.");
                }
                modes.put(field, mode);
            } else if (key.startsWith("search")) {
                values.computeIfAbsent(field(key), k -> new ArrayList<>()).add(pair.getValue());
            }
        }

        List<Predicate<User>> conditions = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String mode = modes.getOrDefault(entry.getKey(), modes.getOrDefault("", "like"));
            List<String> fieldValues = entry.getValue();
            if ("exact".equals(mode)) {
                if (fieldValues.stream().anyMatch(String::isEmpty)) {
                    throw typeError("Search value cannot be empty.");
                }
            } else {
                if (fieldValues.size() != 1) {
                    throw typeError("Only one search value is allowed when search mode is not `exact`.");
                }
                if (fieldValues.get(0).isEmpty()) {
                    throw typeError("Search value cannot be empty.");
                }
            }
            matches.add(new Match(entry.getKey(), mode, fieldValues));
        }
        for (Match match : matches) {
            conditions.add(condition(match, caseSensitive));
        }
        return new UserSearch(conditions, and);
    }

    boolean matches(User user) {
        if (conditions.isEmpty()) {
            return true;
        }
        return and ? conditions.stream().allMatch(c -> c.test(user)) : conditions.stream().anyMatch(c -> c.test(user));
    }

    private static Predicate<User> condition(Match match, boolean caseSensitive) {
        String column = match.field().isEmpty() ? "" : snakeCase(match.field());
        if (!column.isEmpty() && !FIELDS.contains(column)) {
            throw typeError("Search field `" + column + "` is not valid, expect one of " + String.join(", ", FIELDS) + ".");
        }
        List<String> columns = column.isEmpty() ? FIELDS : List.of(column);
        if ("similar_to".equals(match.mode()) && !caseSensitive) {
            throw typeError("Cannot use case-insensitive match for `similar to`.");
        }
        // Postgres' lower() on both sides, which in a UTF-8 locale folds like Java's (the Kelvin sign U+212A into k)
        boolean lowercase = !caseSensitive && "exact".equals(match.mode());
        List<String> wanted = lowercase
                ? match.values().stream().map(value -> value.toLowerCase(Locale.ROOT)).toList()
                : match.values();
        Predicate<String> test = switch (match.mode()) {
            case "exact" -> value -> wanted.contains(lowercase ? value.toLowerCase(Locale.ROOT) : value);
            case "like" -> LikePattern.of(wanted.get(0), caseSensitive)::matches;
            case "posix" -> {
                Pattern regex = compile(wanted.get(0), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                yield value -> regex.matcher(value).find();
            }
            default -> {
                Pattern similar = compile(similarToRegex(wanted.get(0)), 0);
                yield value -> similar.matcher(value).matches();
            }
        };
        return user -> columns.stream().map(name -> column(user, name)).anyMatch(value -> value != null && test.test(value));
    }

    private static @Nullable String column(User user, String name) {
        return switch (name) {
            case "id" -> user.id();
            case "primary_email" -> user.primaryEmail();
            case "primary_phone" -> user.primaryPhone();
            case "username" -> user.username();
            default -> user.name();
        };
    }

    /** {@code search.foo} → {@code foo}; {@code search} → "" (every field); deeper paths are rejected like Logto does. */
    private static String field(String key) {
        String[] path = key.split("\\.", -1);
        if (path.length > 2) {
            String nested = String.join(".", List.of(path).subList(1, path.length));
            throw typeError("Unsupported nested search field path `" + nested + "` detected. Only the first level field is supported.");
        }
        return path.length == 2 ? path[1] : "";
    }

    /** The {@code snake-case} package: words split at case changes and non-alphanumerics, lower-cased, joined by {@code _}. */
    static String snakeCase(String value) {
        String spaced = value.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2");
        return List.of(spaced.split("[^A-Za-z0-9]+")).stream()
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("_"));
    }

    /** SQL {@code SIMILAR TO}: {@code %} and {@code _} as in LIKE, the rest is (close enough to) a regex, matched whole. */
    private static String similarToRegex(String pattern) {
        return pattern.replace(".", "\\.").replace("%", ".*").replace("_", ".");
    }

    private static Pattern compile(String regex, int flags) {
        try {
            return Pattern.compile(regex, flags | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw typeError("Invalid regular expression: " + e.getDescription() + ".");
        }
    }

    private static @Nullable String first(List<Map.Entry<String, String>> query, String key) {
        return query.stream().filter(pair -> pair.getKey().equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static ApiError typeError(String message) {
        return ApiError.invalidInputFromTypeError(message);
    }

    /** One parsed {@code search[.field]} with its mode and values ({@code field} "" = every field). */
    private record Match(String field, String mode, List<String> values) {
    }
}
