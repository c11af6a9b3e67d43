/**
 * Who is calling and what they may do: the resource-server configuration that validates Logto user
 * access tokens, the {@link dev.orgbff.security.Viewer} built from a valid token, and
 * {@link dev.orgbff.security.OrganizationAccess}, which reads the caller's organization roles and
 * permissions live from Logto through per-request DataLoaders.
 */
@NullMarked
package dev.orgbff.security;

import org.jspecify.annotations.NullMarked;
