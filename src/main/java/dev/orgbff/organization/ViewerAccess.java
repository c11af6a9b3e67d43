package dev.orgbff.organization;

import java.util.List;
import java.util.Optional;

import dev.orgbff.logto.UserOrganization;
import dev.orgbff.security.Viewer;
import dev.orgbff.template.OrganizationTemplate;

/**
 * The viewer's memberships and the template, loaded once per request ({@link OrganizationAccess#viewerAccess}):
 * what the viewer may do in any organization, answered without another call. Flows that learn the
 * organization only from another read (an invitation's) load this first, alongside that read.
 *
 * @param viewer who is asking, with the token that may narrow or scope their permissions
 * @param memberships every organization the viewer belongs to, with their roles there
 * @param template the organization template the roles are resolved against
 */
public record ViewerAccess(Viewer viewer, List<UserOrganization> memberships, OrganizationTemplate template) {

    /**
     * The viewer's access in this organization: empty when they are not a member or their token may not act
     * there (the two are not told apart).
     */
    public Optional<MemberAccess> in(String organizationId) {
        if (!viewer.mayAct(organizationId)) {
            return Optional.empty();
        }
        return memberships.stream()
                .filter(row -> row.organization().id().equals(organizationId))
                .findFirst()
                .map(row -> new MemberAccess(row.organization(), new Membership(organizationId, row.roleIds()), viewer, template));
    }
}
