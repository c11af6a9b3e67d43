package dev.orgbff.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTests {

    private static final Set<String> ADMIN = Set.of("invite:member", "manage:member", "delete:organization");

    @Test
    void effectivePermissions_apiToken_keepsRolePermissions() {
        // given
        Viewer viewer = new Viewer("u1", null, null);
        // when
        Set<String> permissions = viewer.effectivePermissions("org1", ADMIN);
        // then
        assertThat(permissions).containsExactly("delete:organization", "invite:member", "manage:member");
    }

    @Test
    void effectivePermissions_organizationTokenForThatOrganization_narrowsToTokenScopes() {
        // given
        Viewer viewer = new Viewer("u1", "org1", Set.of("invite:member", "write:everything"));
        // when
        Set<String> permissions = viewer.effectivePermissions("org1", ADMIN);
        // then
        assertThat(permissions).containsExactly("invite:member");
    }

    @Test
    void effectivePermissions_organizationLevelApiTokenForThatOrganization_keepsRolePermissions() {
        // given
        Viewer viewer = new Viewer("u1", "org1", null);
        // when
        Set<String> permissions = viewer.effectivePermissions("org1", ADMIN);
        // then
        assertThat(permissions).containsExactly("delete:organization", "invite:member", "manage:member");
    }

    @Test
    void effectivePermissions_tokenForAnotherOrganization_grantsNone() {
        // given
        Viewer organizationToken = new Viewer("u1", "org2", Set.of("invite:member"));
        Viewer organizationLevelApiToken = new Viewer("u1", "org2", null);
        // when / then
        assertThat(organizationToken.effectivePermissions("org1", ADMIN)).isEmpty();
        assertThat(organizationLevelApiToken.effectivePermissions("org1", ADMIN)).isEmpty();
        assertThat(organizationToken.mayAct("org1")).isFalse();
    }
}
