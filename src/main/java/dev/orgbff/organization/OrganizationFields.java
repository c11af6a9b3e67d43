package dev.orgbff.organization;

import java.util.List;
import java.util.Set;

import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.security.InHandDataFetcher;

/**
 * {@code Organization.viewerRoles} and {@code Organization.viewerPermissions}, asked once per organization of a
 * switcher: answered from the viewer's memberships and the template the request has loaded (the switcher listed the
 * organizations from them, {@code Query.organization} checked them), else loaded ({@link InHandDataFetcher}).
 */
@Component
class OrganizationFields implements RuntimeWiringConfigurer {

    private final OrganizationAccess access;

    OrganizationFields(OrganizationAccess access) {
        this.access = access;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Organization", type -> type
                .dataFetcher("viewerRoles", InHandDataFetcher.<Organization, List<OrganizationRole>>of(
                        (caller, organization) -> access.loadedViewerRoles(caller, organization.id()),
                        (caller, organization) -> access.viewerRoles(caller, organization.id())))
                .dataFetcher("viewerPermissions", InHandDataFetcher.<Organization, Set<String>>of(
                        (caller, organization) -> access.loadedViewerPermissions(caller, organization.id()),
                        (caller, organization) -> access.viewerPermissions(caller, organization.id()))));
    }
}
