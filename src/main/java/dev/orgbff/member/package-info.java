/**
 * Organization members: who belongs to an organization and with which roles (paged by Logto), what the
 * viewer may do there ({@code viewerCan}), and adding members, changing their roles, removing them and
 * leaving, guarded against role escalation, outranked members and losing the last admin.
 */
@NullMarked
package dev.orgbff.member;

import org.jspecify.annotations.NullMarked;
