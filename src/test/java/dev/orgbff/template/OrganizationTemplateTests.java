package dev.orgbff.template;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationScopeRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roles and permissions by role ids, which the template works out once per distinct list of ids. */
class OrganizationTemplateTests {

    private final OrganizationTemplate template = new OrganizationTemplate(List.of(
            role("r-admin", "admin", "delete:org", "invite:member"),
            role("r-member", "member", "read:org"),
            role("r-billing", "Billing", "read:billing")));

    @Test
    void rolesAndPermissions_sameIdsInAnyCollection_sameAnswers() {
        // when
        List<OrganizationRole> fromList = template.roles(List.of("r-member", "r-admin"));
        List<OrganizationRole> fromSet = template.roles(Set.of("r-admin", "r-member"));
        List<OrganizationRole> again = template.roles(List.of("r-member", "r-admin"));
        // then
        assertThat(fromList).extracting(OrganizationRole::name).containsExactly("admin", "member");
        assertThat(fromSet).isEqualTo(fromList);
        assertThat(again).isEqualTo(fromList);
        assertThat(template.permissions(Set.of("r-admin", "r-member"))).containsExactly("delete:org", "invite:member", "read:org");
        assertThat(template.permissions(List.of("r-member", "r-admin"))).containsExactly("delete:org", "invite:member", "read:org");
    }

    @Test
    void rolesAndPermissions_differentIds_notMixedUp() {
        // given
        template.permissions(List.of("r-admin"));
        // when
        Set<String> member = template.permissions(List.of("r-member"));
        // then
        assertThat(member).containsExactly("read:org");
        assertThat(template.roles(List.of("r-billing", "r-gone"))).extracting(OrganizationRole::name).containsExactly("Billing");
        assertThat(template.roles(List.of())).isEmpty();
    }

    @Test
    void permissions_shared_cannotBeChanged() {
        // given
        Set<String> permissions = template.permissions(List.of("r-member"));
        // then
        assertThatThrownBy(() -> permissions.add("delete:org")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(template.permissions(List.of("r-member"))).containsExactly("read:org");
    }

    private static OrganizationRole role(String id, String name, String... permissions) {
        return new OrganizationRole(id, name, null, OrganizationRole.USER_TYPE,
                Arrays.stream(permissions).map(permission -> new OrganizationScopeRef("s-" + permission, permission)).toList(), List.of());
    }
}
