package dev.orgbff.emulator;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's {@code LIKE}/{@code ILIKE}: {@code %} matches any run of characters, {@code _} one
 * character, a backslash escapes the next one, and the pattern must match the whole value.
 */
final class LikePattern {

    private final Pattern pattern;

    private LikePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static LikePattern of(String like, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new LikePattern(Pattern.compile(regex.toString(), flags));
    }

    /**
     * Logto's keyword search {@code q}: {@code ilike '%q%'} (so {@code %} and {@code _} inside q are
     * wildcards too). Without a q the pattern matches every non-null value, which filters nothing because
     * each searched entity has a non-null id or name among its searched columns.
     */
    static LikePattern keyword(@Nullable String q) {
        return of("%" + (q == null ? "" : q) + "%", false);
    }

    /** The {@link #keyword} of a list route whose only query field is {@code q}, an optional string (400 otherwise). */
    static LikePattern keywordQuery(Request request) {
        Guard guard = Guard.query(request.queryObject());
        Field<String> q = guard.optionalString("q", 0, -1, false);
        guard.validate();
        return keyword(q.value());
    }

    /** SQL semantics: NULL never matches. */
    boolean matches(@Nullable String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
