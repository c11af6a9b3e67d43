package dev.orgbff.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.orgbff.logto.LogtoProperties;

/**
 * The GraphiQL page from the jar, in place of Spring for GraphQL's own (which loads GraphiQL from a CDN): on with
 * {@code spring.graphql.graphiql.enabled} (off by default), at {@code spring.graphql.graphiql.path}
 * ({@code /graphiql}). Its routes, all open without a token (see {@code SecurityConfiguration}):
 * {@code GET <path>}, {@code GET <path>/config.json}, {@code GET <path>/assets/{file}}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlConfiguration {

    /** Ordered before Spring for GraphQL's router (order 0), which maps the same path to its CDN page. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphiQlRouterFunction(GraphQlProperties graphQl, GraphiQlProperties graphiQl, LogtoProperties logto) {
        String path = graphQl.getGraphiql().getPath();
        GraphiQlPage page = GraphiQlPage.load(path, graphQl.getHttp().getPath(), logto.baseUrl(), graphiQl.appId(),
                logto.apiResource());
        return RouterFunctions.route()
                .GET(path, page::page)
                .GET(path + "/config.json", page::config)
                .GET(path + "/assets/{file}", page::asset)
                .build();
    }
}
