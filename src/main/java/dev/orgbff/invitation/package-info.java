/**
 * Organization invitations: inviting people by email (with magic links on request), resending and
 * revoking, what an invitee sees and how they accept or decline, and the per-user budget of invitation
 * emails.
 */
@NullMarked
package dev.orgbff.invitation;

import org.jspecify.annotations.NullMarked;
