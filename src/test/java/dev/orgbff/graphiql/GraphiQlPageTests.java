package dev.orgbff.graphiql;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphiQL page over plain HTTP: served from the jar without a token, naming no other host, under an exact
 * Content-Security-Policy, with its configuration in a JSON file (the browser itself: {@link GraphiQlBrowserTests}).
 */
@TestPropertySource(properties = {"spring.graphql.graphiql.enabled=true", "orgbff.graphql.introspection=true",
        "orgbff.graphiql.app-id=" + GraphiQlPageTests.APP_ID})
class GraphiQlPageTests extends GraphQlTestSupport {

    static final String APP_ID = "graphiql-spa-app";

    @LocalServerPort
    int port;

    /**
     * Hosts the bundled scripts name only as text, never to load anything: XML and JSON Schema namespaces, links in
     * messages and in the Explorer's credits, the base URL oidc-client-ts parses relative URLs against. A host that a
     * rebuild adds fails the test below until someone has checked what it is for.
     */
    private static final Set<String> HOSTS_NAMED_AS_TEXT = Set.of("www.w3.org", "json-schema.org", "github.com",
            "code.visualstudio.com", "microsoft.com", "react.dev", "prettier.io", "yarnpkg.com", "en.wikipedia.org",
            "commonmark.org", "www.onegraph.com", "127.0.0.1");

    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)\\b(?:https?|wss?)://([a-z0-9.-]+)");
    /** What would make a browser load from another host: an import, a worker, a stylesheet or font URL. */
    private static final Pattern REMOTE_LOAD = Pattern.compile(
            "(?i)(?:import\\s*\\(\\s*|from\\s*|importScripts\\s*\\(\\s*|new\\s+Worker\\s*\\(\\s*|url\\(\\s*)[\"'`]?(?:https?:)?//");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("\"\\./([A-Za-z0-9._-]+\\.js)\"");
    private static final Pattern CONTENT_HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.(js|css)");

    @Test
    void page_noToken_servesHtmlThatLoadsOnlyItsOwnAssets() {
        // when
        var response = webTestClient.get().uri("/graphiql").exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().valueEquals(GraphiQlPage.CONTENT_SECURITY_POLICY, expectedPolicy());
        String html = response.expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<div id=\"graphiql\">")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase(" style=")
                .doesNotContainIgnoringCase("importmap")
                .doesNotContain("http://", "https://", "esm.sh", "unpkg", "jsdelivr");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find()).as("an inline script in %s", html).isFalse();
        assertThat(attributes(html, "(?:src|href)"))
                .allMatch(url -> url.startsWith("/graphiql/assets/") || url.equals("data:,"), "only its own assets (or no icon)")
                .anyMatch(url -> url.matches("/graphiql/assets/main-[A-Z0-9]{8}\\.js"))
                .anyMatch(url -> url.matches("/graphiql/assets/main-[A-Z0-9]{8}\\.css"));
    }

    @Test
    void assets_everyBuiltFile_servedFromTheServiceNamingNoOtherHostToLoadFrom() throws IOException {
        // given
        WebTestClient client = webTestClient.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        List<String> built = builtAssets();
        String html = client.get().uri("/graphiql").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(built).hasSizeGreaterThan(5)
                .contains("THIRD-PARTY-LICENSES.txt")
                .containsAll(attributes(html, "(?:src|href)").stream().filter(url -> url.startsWith("/graphiql/assets/"))
                        .map(url -> url.substring("/graphiql/assets/".length())).toList())
                .anyMatch(name -> name.matches("editor\\.worker-[A-Z0-9]{8}\\.js"))
                .anyMatch(name -> name.matches("json\\.worker-[A-Z0-9]{8}\\.js"))
                .anyMatch(name -> name.matches("graphql\\.worker-[A-Z0-9]{8}\\.js"));
        Set<String> namedHosts = new TreeSet<>();
        for (String name : built) {
            // when
            var response = client.get().uri("/graphiql/assets/" + name).exchange();
            // then
            response.expectStatus().isOk()
                    .expectHeader().valueEquals(GraphiQlPage.CONTENT_SECURITY_POLICY, expectedPolicy())
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL,
                            CONTENT_HASHED.matcher(name).matches() ? "max-age=31536000, public, immutable" : "no-cache");
            String text = response.expectBody(String.class).returnResult().getResponseBody();
            if (name.endsWith(".js")) {
                response.expectHeader().contentType("text/javascript;charset=UTF-8");
                assertThat(REMOTE_LOAD.matcher(text).find()).as("%s loads from another host", name).isFalse();
                Matcher imports = RELATIVE_IMPORT.matcher(text);
                while (imports.find()) {
                    assertThat(built).as("%s imports", name).contains(imports.group(1));
                }
                Matcher urls = ABSOLUTE_URL.matcher(text);
                while (urls.find()) {
                    namedHosts.add(urls.group(1).toLowerCase());
                }
            } else if (name.endsWith(".css")) {
                response.expectHeader().contentType("text/css;charset=UTF-8");
                assertThat(text).as(name).doesNotContain("http://", "https://", "//fonts.");
                assertThat(attributes(text, "url")).as("the URLs in %s", name).allMatch(url -> url.startsWith("data:"));
            }
        }
        assertThat(HOSTS_NAMED_AS_TEXT).as("hosts the scripts name").containsAll(namedHosts);
    }

    @Test
    void config_noToken_answersTheEndpointsAndTheApp() {
        // when
        var response = webTestClient.get().uri("/graphiql/config.json").exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().valueEquals(GraphiQlPage.CONTENT_SECURITY_POLICY, expectedPolicy())
                .expectBody()
                .jsonPath("$.graphqlPath").isEqualTo("/graphql")
                .jsonPath("$.logtoEndpoint").isEqualTo(logto.endpoint())
                .jsonPath("$.appId").isEqualTo(APP_ID)
                .jsonPath("$.apiResource").isEqualTo(logto.apiResource());
    }

    @Test
    void asset_notWrittenByTheBuild_notServed() {
        for (String path : List.of("/graphiql/assets/main.js", "/graphiql/index.html", "/graphiql/assets/%2E%2E%2Findex.html",
                "/graphiql/assets/..%2F..%2Fapplication.yaml", "/graphiql/assets/..%5Cindex.html")) {
            // when: as sent, not encoded again
            var response = webTestClient.get().uri(URI.create("http://localhost:" + port + path)).exchange();
            // then: 404, or 400 from Spring Security's firewall for an encoded slash
            response.expectStatus().value(status -> assertThat(status).as(path).isIn(400, 404));
        }
    }

    @Test
    void licences_listEveryBundledPackageWithItsLicence() {
        // when
        var response = webTestClient.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/graphiql/assets/THIRD-PARTY-LICENSES.txt").exchange();
        // then
        response.expectStatus().isOk().expectHeader().contentType("text/plain;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"); // its name is not content-hashed
        String licences = response.expectBody(String.class).returnResult().getResponseBody();
        for (String bundled : List.of("graphiql", "@graphiql/react", "@graphiql/plugin-explorer", "@graphiql/toolkit",
                "monaco-editor", "monaco-graphql", "react", "react-dom", "graphql", "oidc-client-ts")) {
            assertThat(licences).as(bundled).containsPattern("(?m)^" + Pattern.quote(bundled) + " \\d+\\.\\d+\\.\\d+\\S*\n\nLicense: ");
        }
        assertThat(licences).contains("Permission is hereby granted, free of charge").contains("Copyright (c) Microsoft Corporation");
    }

    private String expectedPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self' " + logto.endpoint() + "; worker-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    private static List<String> builtAssets() throws IOException {
        List<String> names = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:" + GraphiQlPage.LOCATION + "assets/*")) {
            names.add(resource.getFilename());
        }
        return names;
    }

    /** The values of HTML attributes ({@code src="…"}) or CSS {@code url(…)}s named by {@code name}. */
    private static List<String> attributes(String text, String name) {
        Matcher matcher = Pattern.compile(name.equals("url") ? "url\\(\\s*[\"']?([^\"')]*)" : name + "=\"([^\"]*)\"").matcher(text);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
