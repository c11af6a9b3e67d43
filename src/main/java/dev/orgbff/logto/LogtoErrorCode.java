package dev.orgbff.logto;

/** The Logto error codes this service acts on (CONTRACT.md §0 and the per-route tables). */
public enum LogtoErrorCode {

    /** 404: an entity fetched, updated or deleted by id does not exist. */
    ENTITY_NOT_FOUND("entity.not_found"),
    /** 422: a role change for a user who is not a member (the per-user role routes). */
    REQUIRE_MEMBERSHIP("organization.require_membership"),
    /** 422 on the organization routes: a referenced organization, user or role does not exist (or is not a member, on bulk routes). */
    RELATION_FOREIGN_KEY_NOT_FOUND("entity.relation_foreign_key_not_found"),
    /** 422 on the organization routes: a unique index refused the row (e.g. a second pending invitation). */
    UNIQUE_INTEGRITY_VIOLATION("entity.unique_integrity_violation"),
    /** 400 or 422: a request-level check failed; on invitation create, 422 means the invitee is already a member. */
    REQUEST_INVALID_INPUT("request.invalid_input");

    private final String code;

    LogtoErrorCode(String code) {
        this.code = code;
    }

    /** The code as Logto writes it in error bodies. */
    public String code() {
        return code;
    }
}
