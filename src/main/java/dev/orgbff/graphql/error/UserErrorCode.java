package dev.orgbff.graphql.error;

/**
 * Every user-error code a mutation payload can carry; the GraphQL enum {@code UserErrorCode} has exactly
 * these values (a test keeps the two equal). Each names the state that blocks the action.
 */
public enum UserErrorCode {

    /** A name is empty or only white space. */
    NAME_BLANK,
    /** A name is longer than Logto allows (128 characters). */
    NAME_TOO_LONG,
    /** A description is longer than Logto allows (256 characters). */
    DESCRIPTION_TOO_LONG,
    /** A name or description contains control characters (a description may hold line breaks and tabs). */
    CONTROL_CHARACTERS,
    /** Custom data is not a JSON object. */
    CUSTOM_DATA_NOT_OBJECT,
    /** The organization was created but could not be set up (adding the creator or the admin role failed), so it was deleted again. */
    ORGANIZATION_SETUP_FAILED,
    /** Neither user ids nor emails were given. */
    MEMBERS_REQUIRED,
    /** More users than one request may add (100). */
    TOO_MANY_MEMBERS,
    /** An email is not an email address. */
    INVALID_EMAIL,
    /** No user has this id, or this primary email. */
    USER_NOT_FOUND,
    /** The user is already a member of the organization. */
    ALREADY_MEMBER,
    /** The user is not a member of the organization. */
    NOT_A_MEMBER,
    /** The role list is empty, but a member must hold at least one role. */
    ROLE_REQUIRED,
    /** The organization template has no role with this id. */
    ROLE_NOT_FOUND,
    /** The role is for machine-to-machine apps and cannot be given to users. */
    ROLE_NOT_ASSIGNABLE,
    /** The role grants permissions the caller does not hold in the organization, so the caller may not grant it. */
    ROLE_ESCALATION,
    /** The member holds permissions the caller does not, so the caller may not change their roles or remove them. */
    OUTRANKED,
    /** The change would leave the organization without a member holding the admin role. */
    LAST_ADMIN,
    /**
     * The change took the admin role away, and the admins could not be counted afterwards to check that one is
     * left (a concurrent change may have taken the last other one away), so it was undone.
     */
    ADMIN_COUNT_UNAVAILABLE,
    /** The new members could not be given their roles, so they were removed again. */
    ROLE_ASSIGNMENT_FAILED,
    /** No email address was given to invite. */
    EMAILS_REQUIRED,
    /** More email addresses than one request may invite (50). */
    TOO_MANY_EMAILS,
    /** The expiry is outside 1 to 30 days. */
    INVALID_EXPIRY,
    /** Logto could not create the invitation for this address (it refused or did not answer); the others went ahead. */
    INVITATION_FAILED,
    /** A pending invitation for this address and organization exists already. */
    INVITATION_PENDING,
    /** The invitation was accepted or revoked already (or expired, for a decline or revoke). */
    INVITATION_NOT_PENDING,
    /** The invitation expired; ask for a new one. */
    INVITATION_EXPIRED,
    /** The invitation is for another email address than the caller's verified primary email. */
    EMAIL_MISMATCH,
    /** The invitation exists but its email could not be sent; share its link another way. */
    EMAIL_NOT_SENT,
    /** A just-in-time email domain is not a host name. */
    INVALID_DOMAIN,
    /** A just-in-time email domain is a public mail provider's, which would let anyone join. */
    PUBLIC_EMAIL_DOMAIN
}
