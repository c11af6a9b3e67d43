package dev.orgbff.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/** The HTTP server's handling of connections, below GraphQL and security. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Every request's handling starts in a task of its own on its connection's event loop ({@link EventLoopDispatch}). */
    @Bean
    HttpHandlerDecoratorFactory eventLoopDispatch() {
        return EventLoopDispatch::new;
    }
}
