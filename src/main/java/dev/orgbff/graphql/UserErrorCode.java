package dev.orgbff.graphql;

/**
 * Every user-error code a mutation payload can carry, listed in the SDL description of {@code UserError.code}.
 * Each names the state that blocks the action.
 */
public enum UserErrorCode {

    /** A name is empty or only white space. */
    NAME_BLANK,
    /** A name is longer than Logto allows (128 characters). */
    NAME_TOO_LONG,
    /** A description is longer than Logto allows (256 characters). */
    DESCRIPTION_TOO_LONG,
    /** The organization was created but could not be set up (adding the creator or the admin role failed), so it was deleted again. */
    ORGANIZATION_SETUP_FAILED
}
