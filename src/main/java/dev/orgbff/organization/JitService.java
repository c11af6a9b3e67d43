package dev.orgbff.organization;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.graphql.error.BadRequestException;
import dev.orgbff.graphql.error.ForbiddenException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.graphql.input.TextInput;
import dev.orgbff.logto.LogtoUnavailableException;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;
import dev.orgbff.security.Caller;
import dev.orgbff.template.TemplateService;

/**
 * An organization's just-in-time provisioning settings (CONTRACT.md §6, FLOWS.md §4.10): email domains
 * whose new users join it, and the roles they get. Reading and changing them needs
 * {@code manage:organization} (the {@code updateOrganization} permission). Domains are host names,
 * lower-cased; a public mail provider's domain ({@link PublicEmailDomains}) is refused; the roles pass the
 * role-escalation guard, since JIT grants them.
 */
@Service
class JitService {

    private static final Logger log = LoggerFactory.getLogger(JitService.class);
    private static final int MAX_DOMAINS = 100;
    private static final int MAX_ROLES = 100;
    /** A host name with at least two labels and an alphabetic (or punycode) top-level label. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");
    /**
     * The IDNA deviation characters (ß, final sigma, zero-width non-joiner and joiner): Java's {@link IDN}
     * (IDNA2003) maps them away, so "faß.de" would be stored as "fass.de", another domain whose users could
     * then join, while IDNA2008, which mail and browsers follow, keeps them. Refused rather than mapped.
     */
    private static final Pattern IDNA_DEVIATIONS = Pattern.compile("[\u00DF\u03C2\u200C\u200D]");

    private final OrganizationsApi logto;
    private final OrganizationAccess access;
    private final TemplateService templates;
    private final PublicEmailDomains publicEmailDomains;

    JitService(OrganizationsApi logto, OrganizationAccess access, TemplateService templates, PublicEmailDomains publicEmailDomains) {
        this.logto = logto;
        this.access = access;
        this.templates = templates;
        this.publicEmailDomains = publicEmailDomains;
    }

    /**
     * The settings: the permission check, then {@code GET …/jit/email-domains} and {@code GET …/jit/roles} at once.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without {@code manage:organization}
     */
    Mono<JitSettings> settings(Caller caller, String organizationId) {
        return access.require(caller, organizationId, access.permissions().updateOrganization())
                .then(read(organizationId));
    }

    private Mono<JitSettings> read(String organizationId) {
        return Mono.zip(logto.jitEmailDomains(organizationId), logto.jitRoleIds(organizationId))
                .map(settings -> new JitSettings(organizationId, settings.getT1(), settings.getT2()));
    }

    /**
     * Replaces the email domains, the roles, or both; an absent list is kept. Invalid input gives user errors
     * and no call ({@code INVALID_DOMAIN}, {@code PUBLIC_EMAIL_DOMAIN}, each naming its index); then the
     * permission check, the role guards ({@code ROLE_NOT_FOUND}, {@code ROLE_NOT_ASSIGNABLE},
     * {@code ROLE_ESCALATION}; adding a domain also checks the current roles, which it hands out), the current
     * settings, and {@code PUT …/jit/email-domains} then {@code PUT …/jit/roles} for what changes. Old settings or
     * new, never a mix: when a PUT fails, the old lists written (or, for a PUT that got no answer, perhaps written)
     * so far are put back and the error is emitted, so an error means the old settings.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without {@code manage:organization}
     * @throws BadRequestException (emitted) for more than 100 domains or roles
     */
    Mono<UpdateJitSettingsPayload> update(Caller caller, UpdateJitSettingsInput input) {
        if (input.emailDomains() != null && input.emailDomains().size() > MAX_DOMAINS) {
            return Mono.error(new BadRequestException("input.emailDomains", "may hold at most " + MAX_DOMAINS + " domains"));
        }
        if (input.roleIds() != null && input.roleIds().size() > MAX_ROLES) {
            return Mono.error(new BadRequestException("input.roleIds", "may hold at most " + MAX_ROLES + " role ids"));
        }
        List<UserError> errors = new ArrayList<>();
        List<String> domains = input.emailDomains() == null ? null : domains(input.emailDomains(), errors);
        if (!errors.isEmpty()) {
            return Mono.just(new UpdateJitSettingsPayload(null, errors));
        }
        String organizationId = input.organizationId();
        return access.require(caller, organizationId, access.permissions().updateOrganization()).flatMap(granted -> {
            List<String> roleIds = input.roleIds() == null ? null : List.copyOf(new LinkedHashSet<>(input.roleIds()));
            List<UserError> roleErrors = roleIds == null ? List.of() : granted.roleErrors(input.roleIds());
            if (!roleErrors.isEmpty()) {
                return Mono.just(new UpdateJitSettingsPayload(null, roleErrors));
            }
            return read(organizationId).flatMap(current -> {
                // a new domain hands the current roles to new people: the caller must be allowed to grant them too
                boolean addsDomains = domains != null && !current.emailDomains().containsAll(domains);
                if (roleIds == null && addsDomains && !granted.covers(current.roleIds())) {
                    return Mono.just(new UpdateJitSettingsPayload(null, List.of(UserError.of(UserErrorCode.ROLE_ESCALATION,
                            "People joining by these domains would get roles with permissions you do not have here. Choose their roles too.",
                            "input", "emailDomains"))));
                }
                return write(current, domains, roleIds);
            });
        });
    }

    private Mono<UpdateJitSettingsPayload> write(JitSettings current, @Nullable List<String> domains, @Nullable List<String> roleIds) {
        String organizationId = current.organizationId();
        boolean newDomains = domains != null && !domains.equals(current.emailDomains());
        boolean newRoles = roleIds != null && !Set.copyOf(roleIds).equals(Set.copyOf(current.roleIds()));
        JitSettings updated = new JitSettings(organizationId, newDomains ? domains : current.emailDomains(),
                newRoles ? roleIds : current.roleIds());
        Mono<Void> domainsBack = logto.replaceJitEmailDomains(organizationId, current.emailDomains());
        Mono<Void> rolesBack = logto.replaceJitRoles(organizationId, current.roleIds());
        Mono<Void> writeDomains = newDomains ? logto.replaceJitEmailDomains(organizationId, domains)
                .onErrorResume(failure -> putBack(organizationId, failure, mayHaveWritten(failure) ? List.of(domainsBack) : List.of()))
                : Mono.empty();
        Mono<Void> writeRoles = newRoles ? logto.replaceJitRoles(organizationId, roleIds)
                .onErrorResume(failure -> {
                    List<Mono<Void>> back = new ArrayList<>();
                    if (newDomains) {
                        back.add(domainsBack);
                    }
                    if (mayHaveWritten(failure)) {
                        back.add(rolesBack);
                    }
                    return putBack(organizationId, failure, back);
                })
                : Mono.empty();
        return writeDomains.then(writeRoles).thenReturn(new UpdateJitSettingsPayload(updated, List.of()));
    }

    /**
     * Logto replaces each list in one transaction ({@code email-domains.ts} and {@code RelationQueries.replace}), so a
     * PUT it answered with an error changed nothing; one whose answer never came may have replaced the list.
     */
    private static boolean mayHaveWritten(Throwable failure) {
        return failure instanceof LogtoUnavailableException;
    }

    /**
     * Compensation after a failed PUT: puts the old lists back (those written, or perhaps written, so far), all at
     * once, then emits {@code failure}: an error means the old settings. An undo that fails is logged as an error
     * naming the organization, whose settings may then be a mix of old and new.
     */
    private Mono<Void> putBack(String organizationId, Throwable failure, List<Mono<Void>> oldLists) {
        if (oldLists.isEmpty()) {
            return Mono.error(failure);
        }
        log.warn("Changing the JIT settings of organization {} failed ({}); putting the old ones back",
                organizationId, failure.getMessage());
        return Mono.whenDelayError(oldLists)
                .doOnError(undoFailure -> log.error("Could not put the old JIT settings of organization {} back ({}); its email domains "
                        + "and roles may now be a mix of old and new: check them", organizationId, undoFailure.getMessage()))
                .then(Mono.error(failure));
    }

    /** The domains as Logto gets them (lower-cased, ASCII, each once), or user errors naming the bad ones. */
    private List<String> domains(List<String> input, List<UserError> errors) {
        Set<String> domains = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String domain = hostName(input.get(i));
            if (domain == null) {
                errors.add(UserError.of(UserErrorCode.INVALID_DOMAIN, "Enter a domain such as example.com.", "input", "emailDomains",
                        String.valueOf(i)));
            } else if (publicEmailDomains.contains(domain)) {
                errors.add(UserError.of(UserErrorCode.PUBLIC_EMAIL_DOMAIN, "Anyone can get an address at " + domain
                        + ", so it cannot let people join.", "input", "emailDomains", String.valueOf(i)));
            } else {
                domains.add(domain);
            }
        }
        return List.copyOf(domains);
    }

    /** The domain as an ASCII host name, lower-cased; {@code null} when it is not one (an address, a URL, blanks inside…). */
    static @Nullable String hostName(String raw) {
        // Unicode blanks at the ends go, like in names; a trailing dot (the DNS root) is the same domain
        String domain = new TextInput(raw).stripped().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (IDNA_DEVIATIONS.matcher(domain).find()) {
            return null;
        }
        try {
            domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
        return HOST_NAME.matcher(domain).matches() ? domain : null;
    }

    /** The roles of a JIT setting, for {@code JitSettings.roles}: sorted by name, from the request's template. */
    Mono<List<OrganizationRole>> roles(Caller caller, JitSettings settings) {
        return templates.template(caller).map(template -> template.roles(settings.roleIds()));
    }
}
