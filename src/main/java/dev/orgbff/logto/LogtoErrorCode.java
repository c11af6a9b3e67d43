package dev.orgbff.logto;

/** The Logto error codes this service acts on (CONTRACT.md §0 and the per-route tables). */
public enum LogtoErrorCode {

    /** 404: an entity fetched, updated or deleted by id does not exist. */
    ENTITY_NOT_FOUND("entity.not_found");

    private final String code;

    LogtoErrorCode(String code) {
        this.code = code;
    }

    /** The code as Logto writes it in error bodies. */
    public String code() {
        return code;
    }
}
