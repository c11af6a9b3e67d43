package dev.orgbff.organization;

import java.util.Collection;
import java.util.Set;

import dev.orgbff.logto.Organization;
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
     * Whether everything the roles with these ids grant, organization permissions and API resource
     * permissions alike, lies within what the viewer holds here: the viewer may grant those roles, and may
     * manage a member holding them (the role-escalation and outranking guards).
     */
    public boolean covers(Collection<String> roleIds) {
        return permissions().containsAll(template.permissions(roleIds))
                && template.apiScopeIds(membership.roleIds()).containsAll(template.apiScopeIds(roleIds));
    }
}
