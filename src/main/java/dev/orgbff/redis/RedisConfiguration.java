package dev.orgbff.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** The shared Redis connections, when {@code orgbff.redis.url} (or its former name) is set. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    RedisConnections redisConnections(RedisProperties properties, Environment environment) {
        if (StringUtils.hasText(environment.getProperty("orgbff.rate-limit.redis-url"))) {
            LOG.info("orgbff.rate-limit.redis-url (ORGBFF_RATE_LIMIT_REDIS_URL) is the former name of orgbff.redis.url"
                    + " (ORGBFF_REDIS_URL); it still works");
        }
        return new RedisConnections(properties);
    }
}
