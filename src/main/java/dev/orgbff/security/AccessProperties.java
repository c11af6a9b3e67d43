package dev.orgbff.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's access policy ({@code orgbff.access.*}).
 *
 * @param adminRole the organization role (by name, as in the Logto template) that the creator of an
 *     organization receives and that every organization must keep at least one member holding; default
 *     {@code admin}
 */
@Validated
@ConfigurationProperties("orgbff.access")
public record AccessProperties(@NotBlank @DefaultValue("admin") String adminRole) {
}
