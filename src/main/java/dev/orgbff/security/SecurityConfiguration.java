package dev.orgbff.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;

import dev.orgbff.logto.LogtoProperties;

/**
 * The resource server: {@code /graphql} needs a valid Logto user access token (HTTP 401 otherwise, before
 * any upstream call); the GraphiQL page, the health ({@code /actuator/health}, {@code /healthz}) and Logto's webhook
 * deliveries ({@code POST /webhooks/logto}, signed instead) are open.
 * The management port ({@code management.server.port}) answers its actuator endpoints (Prometheus, health) without
 * a token and refuses everything else.
 *
 * <p>A token is valid when its signature verifies against Logto's JWKS ({@code <endpoint>/oidc/jwks}, ES384
 * by default, any asymmetric JWS algorithm the keys carry), {@code iss} is {@code <endpoint>/oidc},
 * {@code exp}/{@code nbf} hold (60 s skew), the header {@code typ} is {@code at+jwt} (RFC 9068, what Logto
 * issues) and {@link LogtoAudienceValidator the audience} is this API or an organization. A token that
 * verified is remembered by {@link VerifiedTokenCache}, so its signature is not checked on every request.
 * A request with more than one {@code Authorization} header is refused with HTTP 400 on every path
 * ({@link DuplicateAuthorizationFilter}). Browser apps on the origins of {@link CorsProperties} may call
 * {@code /graphql}; their preflight requests are answered before authentication. The WebSocket handshake on
 * {@code /graphql} needs no token (its {@code connection_init} carries it, see {@link CallerInterceptor}) but an
 * {@code Origin}, when it has one, of this service or of {@link CorsProperties} ({@link WebSocketUpgrade}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** What Spring Security's default timestamp check allows: clocks of Logto and this service may differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** Where Logto delivers webhooks ({@code dev.orgbff.webhook}). */
    private static final String WEBHOOKS = "/webhooks/logto";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CorsProperties cors, GraphQlProperties graphQl) {
        ManagementServerMatcher managementServer = new ManagementServerMatcher();
        String webSocketPath = graphQl.getWebsocket().getPath();
        WebSocketUpgrade webSocketUpgrade = new WebSocketUpgrade(webSocketPath == null ? graphQl.getHttp().getPath() : webSocketPath,
                cors.allowedOrigins());
        return http
                // before authentication: a browser's preflight carries no token
                .cors(spec -> {
                    if (cors.enabled()) {
                        spec.configurationSource(cors.source(graphQl.getHttp().getPath()));
                    } else {
                        spec.disable();
                    }
                })
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // stateless: every request carries its token, so no web session is looked up or created (each one cost a random UUID)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // after the security headers are set up, so the 400 carries them too; before any authentication
                .addFilterAfter(new DuplicateAuthorizationFilter(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAt(new PublicHealthAlias(managementServer), SecurityWebFiltersOrder.FIRST)
                // a browser opens a WebSocket to any origin without a preflight: the handshake's Origin is checked here
                .addFilterBefore(webSocketUpgrade, SecurityWebFiltersOrder.CORS)
                .authorizeExchange(exchanges -> exchanges
                        // the management port: health and the metrics (Prometheus; metrics, which the benchmark reads, when
                        // exposed) are open to probes and scrapers, which carry no user token; anything else (an endpoint
                        // exposed later, such as env or heapdump, and the application's routes, visible there too) is
                        // refused, so exposing one more endpoint never makes it public
                        .matchers(new AndServerWebExchangeMatcher(managementServer, EndpointRequest.to("health", "prometheus", "metrics")))
                        .permitAll()
                        .matchers(managementServer).denyAll()
                        // the handshake carries no token (browsers cannot set its headers): connection_init does
                        .matchers(webSocketUpgrade).permitAll()
                        .pathMatchers("/graphiql", "/graphiql/**", PublicHealthAlias.ACTUATOR_HEALTH, PublicHealthAlias.PUBLIC_HEALTH).permitAll()
                        // Logto's webhook deliveries carry a signature, not a token: the endpoint verifies it (and is not
                        // routed at all without a signing key)
                        .pathMatchers(HttpMethod.POST, WEBHOOKS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    /**
     * No observations of each security filter, authentication and authorization: they cost more CPU than the checks,
     * and the request itself is observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(LogtoProperties logto, TokenProperties tokens, WebClient.Builder builder, Clock clock) {
        // a JWKS endpoint that hangs must fail authentication soon instead of stalling requests for logto.timeout;
        // the refresh interval follows the application's clock, so tests move past it without waiting
        LogtoSigningKeys keys = new LogtoSigningKeys(builder.clone().build(), logto.jwksUri(),
                tokens.jwksTimeout(logto.timeout()), tokens.jwksRefreshInterval(), tokens.verifiedCacheMaxAge(), clock);
        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(keys::verify);
        // the real time, like the token's issuer: a test clock that moves the M2M token's refresh must not expire user tokens
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(logto.issuer()),
                new JwtTypeValidator("at+jwt", "application/at+jwt"),
                new LogtoAudienceValidator(logto.apiResource())));
        if (tokens.verifiedCacheMaxAge().isZero()) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, timestamps, tokens.verifiedCacheMaxAge(), Clock.systemUTC());
    }
}
