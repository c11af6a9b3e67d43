/**
 * The {@code Organization} GraphQL type: reading one organization the viewer belongs to, the viewer's roles
 * and permissions there, and creating organizations (with compensation, so none is left without an admin).
 */
@NullMarked
package dev.orgbff.organization;

import org.jspecify.annotations.NullMarked;
