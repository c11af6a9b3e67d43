package dev.orgbff.viewer;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoClient;
import dev.orgbff.logto.User;

/**
 * Registers the {@value #USERS} DataLoader: user id → Logto user, batched into
 * {@code GET /api/users?search.id=…} (one call per 100 distinct ids per request), so that aliased or
 * repeated user fields in one request cost one upstream call.
 */
@Component
class ViewerLoaders {

    static final String USERS = "users";

    ViewerLoaders(BatchLoaderRegistry registry, LogtoClient logto) {
        registry.forTypePair(String.class, User.class).withName(USERS)
                .registerMappedBatchLoader((userIds, environment) -> logto.users(userIds).collectMap(User::id));
    }
}
