package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.security.Viewer;
import dev.orgbff.template.OrganizationTemplate;

/**
 * What the viewer may do in one organization they belong to, resolved once from their live roles there
 * and the template ({@link OrganizationAccess#requireMember}): the basis of every permission check and of
 * the role-escalation and outranking guards.
 *
 * @param organization the organization as the viewer's membership list shows it
 * @param membership the viewer's roles there
 * @param viewer who is asking, with the token that may narrow their organization permissions
 * @param template the organization template the roles are resolved against
 */
public record MemberAccess(Organization organization, Membership membership, Viewer viewer, OrganizationTemplate template) {

    /** The organization id. */
    public String organizationId() {
        return organization.id();
    }

    /**
     * The viewer's effective organization permissions here, sorted: their roles' permissions narrowed by an
     * organization token for this organization (never widened).
     */
    public Set<String> permissions() {
        return viewer.effectivePermissions(organization.id(), template.permissions(membership.roleIds()));
    }

    /** Whether the viewer holds this organization permission here. */
    public boolean has(String permission) {
        return permissions().contains(permission);
    }

    /** Whether the viewer holds the role with this id here. */
    public boolean holdsRole(String roleId) {
        return membership.roleIds().contains(roleId);
    }

    /**
     * The ids of the API resource permissions the viewer holds here: those their roles grant, but none with
     * an organization token, whose {@code scope} carries organization permissions only (a token narrows,
     * never widens).
     */
    public Set<String> apiScopeIds() {
        return viewer.tokenPermissions() != null ? Set.of() : template.apiScopeIds(membership.roleIds());
    }

    /**
     * Whether everything the roles with these ids grant, organization permissions and API resource
     * permissions alike, lies within what the viewer holds here: the viewer may grant those roles, and may
     * manage a member holding them (the role-escalation and outranking guards).
     */
    public boolean covers(Collection<String> roleIds) {
        return permissions().containsAll(template.permissions(roleIds)) && apiScopeIds().containsAll(template.apiScopeIds(roleIds));
    }

    /**
     * Why the viewer may not grant some of these roles: {@code ROLE_NOT_FOUND}, {@code ROLE_NOT_ASSIGNABLE}
     * (a machine-to-machine role) and {@code ROLE_ESCALATION} (the role-escalation guard), each naming its
     * index in the input's {@code roleIds}; empty when the viewer may grant them all.
     */
    public List<UserError> roleErrors(List<String> roleIds) {
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < roleIds.size(); i++) {
            String index = String.valueOf(i);
            OrganizationRole role = template.role(roleIds.get(i)).orElse(null);
            if (role == null) {
                errors.add(UserError.of(UserErrorCode.ROLE_NOT_FOUND, "There is no such role.", "input", "roleIds", index));
            } else if (!role.isForUsers()) {
                errors.add(UserError.of(UserErrorCode.ROLE_NOT_ASSIGNABLE,
                        "The role '" + role.name() + "' is for machine-to-machine apps, not people.", "input", "roleIds", index));
            } else if (!covers(List.of(role.id()))) {
                errors.add(UserError.of(UserErrorCode.ROLE_ESCALATION,
                        "The role '" + role.name() + "' grants permissions you do not have here.", "input", "roleIds", index));
            }
        }
        return errors;
    }
}
