package dev.orgbff.events;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code orgbff.cache.max-staleness} as application.yaml sets it, under its old name too. */
class CachePropertiesTests {

    @Test
    void maxStaleness_unset_isThirtySeconds() throws IOException {
        assertThat(bind(Map.of()).maxStaleness()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void maxStaleness_setUnderOldTemplateCacheTtl_takesIt() throws IOException {
        assertThat(bind(Map.of("orgbff.template.cache-ttl", "5s")).maxStaleness()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void maxStaleness_setUnderBothNames_newNameWins() throws IOException {
        assertThat(bind(Map.of("orgbff.template.cache-ttl", "5s", "orgbff.cache.max-staleness", "10s")).maxStaleness())
                .isEqualTo(Duration.ofSeconds(10));
    }

    private static CacheProperties bind(Map<String, Object> configured) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bindOrCreate("orgbff.cache", CacheProperties.class);
    }
}
