package dev.orgbff.template;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dev.orgbff.logto.ApiScopeRef;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationScopeRef;
import dev.orgbff.security.Caller;

/** Maps {@code Query.organizationTemplate} and the fields of {@code OrganizationTemplate}, {@code OrganizationRole} and {@code OrganizationPermission}. */
@Controller
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @QueryMapping
    Mono<OrganizationTemplate> organizationTemplate(Caller caller) {
        return templates.template(caller);
    }

    @SchemaMapping(typeName = "OrganizationTemplate")
    List<OrganizationRole> roles(OrganizationTemplate template) {
        return template.userRoles();
    }

    @SchemaMapping(typeName = "OrganizationTemplate")
    Mono<List<OrganizationScopeRef>> permissions(OrganizationTemplate template, Caller caller) {
        return templates.permissions(caller);
    }

    @SchemaMapping(typeName = "OrganizationRole")
    List<OrganizationScopeRef> permissions(OrganizationRole role) {
        return role.organizationScopes();
    }

    @SchemaMapping(typeName = "OrganizationRole")
    List<ApiScopeRef> apiScopes(OrganizationRole role) {
        return role.apiScopes();
    }

    @SchemaMapping(typeName = "OrganizationPermission")
    Mono<String> description(OrganizationScopeRef permission, Caller caller) {
        return templates.description(caller, permission);
    }
}
