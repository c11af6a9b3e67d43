package dev.orgbff.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Logto's {@code koaPagination}: {@code page} (from 1, default 1) and {@code page_size} (default 20,
 * max 100), 400 {@code guard.invalid_pagination} otherwise, and on paged answers the {@code Total-Number}
 * header plus one {@code Link} header line per rel, built the way real Logto 1.42 builds them
 * (CONTRACT.md correction 4: no {@code /api} prefix, origin from the Host header, repeated query keys
 * joined with commas, {@code page} last when the request had none).
 */
final class Paging {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final boolean disabled;
    private final int page;
    private final int pageSize;

    private Paging(boolean disabled, int page, int pageSize) {
        this.disabled = disabled;
        this.page = page;
        this.pageSize = pageSize;
    }

    /** Mandatory paging: no parameters means page 1 of 20. */
    static Paging mandatory(Request request) {
        return parse(request, false);
    }

    /** Optional paging: with neither {@code page} nor {@code page_size}, every row comes back without paging headers. */
    static Paging optional(Request request) {
        return parse(request, true);
    }

    private static Paging parse(Request request, boolean optional) {
        Map<String, List<String>> query = request.koaQuery();
        List<String> pages = query.getOrDefault("page", List.of());
        List<String> sizes = query.getOrDefault("page_size", List.of());
        String rawPage = pages.isEmpty() ? null : String.join(",", pages);
        String rawSize = sizes.isEmpty() ? null : String.join(",", sizes);
        boolean disabled = optional && isEmpty(rawPage) && isEmpty(rawSize);
        int page = isEmpty(rawPage) ? 1 : positive(rawPage, Integer.MAX_VALUE);
        int pageSize = isEmpty(rawSize) ? DEFAULT_PAGE_SIZE : positive(rawSize, MAX_PAGE_SIZE);
        return new Paging(disabled, page, pageSize);
    }

    /** The paged answer: one page of {@code rows} with {@code Total-Number} and {@code Link}, or all rows when disabled. */
    Response respond(Request request, List<? extends JsonNode> rows) {
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        if (disabled) {
            rows.forEach(body::add);
            return Response.json(200, body);
        }
        long offset = (long) (page - 1) * pageSize;
        rows.stream().skip(Math.min(offset, rows.size())).limit(pageSize).forEach(body::add);
        Response response = Response.json(200, body);
        int totalPages = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
        response.header("Total-Number", Integer.toString(rows.size()));
        // real Logto 1.42 sends the rels in this order (transcript steps 35, 68)
        response.header("Link", link(request, 1, "first"));
        if (page > 1) {
            response.header("Link", link(request, page - 1, "prev"));
        }
        response.header("Link", link(request, totalPages, "last"));
        if (page < totalPages) {
            response.header("Link", link(request, page + 1, "next"));
        }
        return response;
    }

    private static String link(Request request, int page, String rel) {
        Map<String, String> query = new LinkedHashMap<>();
        // like `new URLSearchParams({...ctx.query, page})`: arrays stringify as "a,b", page keeps its place or goes last
        request.koaQuery().forEach((key, values) -> query.put(key, String.join(",", values)));
        query.put("page", Integer.toString(page));
        String encoded = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String path = request.path().startsWith("/api/") ? request.path().substring("/api".length()) : request.path();
        return "<" + request.origin() + path + "?" + encoded + ">; rel=\"" + rel + "\"";
    }

    /** {@code application/x-www-form-urlencoded} as URLSearchParams writes it: the same rules as {@link URLEncoder}. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(@Nullable String value) {
        return value == null || value.isEmpty();
    }

    /**
     * {@code z.number().positive()} on {@code Number(value)}, limited to whole numbers (a fractional page
     * is a deviation nobody relies on).
     */
    private static int positive(String value, int max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number < 1 || number > max) {
                throw ApiError.invalidPagination();
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw ApiError.invalidPagination();
        }
    }
}
