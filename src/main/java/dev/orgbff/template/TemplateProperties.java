package dev.orgbff.template;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the organization template is shared across requests ({@code orgbff.template.*}).
 *
 * @param cacheTtl how long a template read from Logto serves every request before it is read again;
 *     default 30 s, so a change to the template (a role's permissions) shows within 30 s; 0 reads it in
 *     every request that needs it. Memberships (who holds which role) are never cached.
 */
@Validated
@ConfigurationProperties("orgbff.template")
public record TemplateProperties(@NotNull @DefaultValue("30s") Duration cacheTtl) {
}
