package dev.orgbff.graphql;

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
    EMAIL_INVALID,
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
    /** The new members could not be given their roles, so they were removed again. */
    ROLE_ASSIGNMENT_FAILED
}
