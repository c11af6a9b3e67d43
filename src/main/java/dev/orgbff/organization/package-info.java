/**
 * The {@code Organization} GraphQL type: reading one organization the viewer belongs to, the viewer's roles
 * and permissions there, and creating (with compensation, so none is left without an admin), updating and
 * deleting organizations. Owns {@link dev.orgbff.organization.OrganizationAccess}, the one place where the
 * viewer's memberships are read and organization permissions checked, the access policy
 * ({@code orgbff.access.*}), and the event-fed caches of memberships and organization records
 * ({@link dev.orgbff.organization.OrganizationCaches}).
 */
@NullMarked
package dev.orgbff.organization;

import org.jspecify.annotations.NullMarked;
