/**
 * The {@code Viewer} GraphQL type, the signed-in user's profile and their organizations (the organization
 * switcher), and the {@code User} type with its per-request users DataLoader.
 */
@NullMarked
package dev.orgbff.viewer;

import org.jspecify.annotations.NullMarked;
