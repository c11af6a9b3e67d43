package dev.orgbff.template;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the organization template is shared across requests ({@code orgbff.template.*}).
 *
 * @param cacheTtl How long the organization template read from Logto (roles and their permissions) serves every
 *     request before it is read again, so a change to it shows within this long; 0 reads it in every request
 *     that needs it. Memberships (who holds which role) are never cached.
 */
@Validated
@ConfigurationProperties("orgbff.template")
public record TemplateProperties(@NotNull @DefaultValue("30s") Duration cacheTtl) {
}
