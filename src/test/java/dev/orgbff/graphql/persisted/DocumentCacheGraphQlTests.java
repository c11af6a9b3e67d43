package dev.orgbff.graphql.persisted;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The parsed-document cache is bounded by the length of the texts it keeps (a million characters), not by their
 * number: a parsed and validated document holds about 20 times its text, and a token holder may send as many
 * distinct documents as they like. 1,000 distinct documents of 5,000 tokens held 300 MB when the bound was 1,000
 * documents.
 */
class DocumentCacheGraphQlTests extends GraphQlTestSupport {

    private static final long TEXT_KEPT = 1_000_000;
    private static final int DOCUMENTS = 120;

    @Test
    void documentCache_distinctDocumentsNearTheTokenLimit_keepsAtMostAMillionCharactersOfThem() {
        // given: distinct documents of 550 aliased fields (4,950 tokens, about 14,000 characters), refused by the
        // complexity limit only after they were parsed and validated
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.userToken(demo.alice());
        double cachedBefore = cachedDocuments();
        int shortest = Integer.MAX_VALUE;
        // when
        for (int document = 0; document < DOCUMENTS; document++) {
            String query = document(document);
            shortest = Math.min(shortest, query.length());
            webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> headers.setBearerAuth(token))
                    .bodyValue(Map.of("query", query))
                    .exchange()
                    .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("complexity"));
        }
        // then: no more of them than fit in the bound (eviction runs in the background, shortly after a write)
        long fit = TEXT_KEPT / shortest;
        assertThat(fit).isLessThan(DOCUMENTS);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cachedDocuments()).isLessThanOrEqualTo(cachedBefore + fit));
        assertThat(logto.apiCalls()).isZero();
    }

    private static String document(int number) {
        StringBuilder query = new StringBuilder("{");
        for (int field = 0; field < 550; field++) {
            query.append(" a").append(number).append('_').append(field).append(":viewer{user{id}}");
        }
        return query.append('}').toString();
    }

    private double cachedDocuments() {
        return meters.get("cache.size").tag("cache", DocumentCache.METRICS_NAME).gauge().value();
    }
}
