package dev.orgbff.redis;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code orgbff.redis.url} is set and not blank (application.yaml always names it, blank by default, so
 * {@code @ConditionalOnProperty} would always match): for the beans that exist only with Redis.
 */
public final class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("orgbff.redis.url", String.class)
                .map(url -> !url.isBlank()).orElse(false);
    }
}
