/**
 * The {@code Viewer} GraphQL type: the signed-in user's profile and their organizations (the organization
 * switcher).
 */
@NullMarked
package dev.orgbff.viewer;

import org.jspecify.annotations.NullMarked;
