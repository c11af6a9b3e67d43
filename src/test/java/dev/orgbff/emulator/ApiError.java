package dev.orgbff.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Logto error answer thrown by a route handler and written as is by the {@link Router}. The factory
 * methods carry Logto 1.42's exact codes, statuses and English messages as the transcript records them.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;

    private ApiError(Response response) {
        // no stack trace: these are ordinary answers, thrown once per failed request
        super(null, null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(Response.error(status, code, message));
    }

    static ApiError withData(int status, String code, String message, JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("message", message);
        body.set("data", data);
        return new ApiError(Response.json(status, body));
    }

    static ApiError of(Response response) {
        return new ApiError(response);
    }

    /** 404 {@code entity.not_found}: a row looked up with {@code pool.one}, or a DELETE that matched nothing. */
    static ApiError notFound() {
        return of(404, "entity.not_found", "The resource does not exist.");
    }

    /** 404 {@code entity.not_exists_with_id} from the generic find-by-id; {@code table} is the SQL table name. */
    static ApiError notExistsWithId(String table, String id) {
        return of(404, "entity.not_exists_with_id", "The " + table + " with ID `" + id + "` does not exist.");
    }

    /** 404 {@code entity.not_exists}: a PATCH that matched no row; {@code name} is the singular table name. */
    static ApiError notExists(String name) {
        return of(404, "entity.not_exists", "The " + name + " does not exist.");
    }

    /** 422 foreign-key violation, as the organization routers map it (CONTRACT.md §0). */
    static ApiError foreignKey() {
        return of(422, "entity.relation_foreign_key_not_found",
                "Cannot find one or more foreign keys. Please check the input and ensure that all referenced entities exist.");
    }

    static ApiError unique() {
        return of(422, "entity.unique_integrity_violation",
                "The entity already exists. Please check the input and try again.");
    }

    /** 422 check-constraint violation, e.g. a MachineToMachine role given to a user. */
    static ApiError constraint() {
        return of(422, "entity.db_constraint_violated", "Database constraint violated.");
    }

    /** 422 for a PATCH whose body sets nothing (CONTRACT.md correction 3). */
    static ApiError emptyUpdate() {
        return of(422, "entity.invalid_input", "Invalid input. Value list must not be empty.");
    }

    /** {@code request.invalid_input}: Logto puts the details into the message and sends no {@code details} field. */
    static ApiError invalidInput(int status, String details) {
        return of(status, "request.invalid_input", "Input is invalid. " + details);
    }

    /** {@code request.invalid_input} caused by a {@code TypeError}, which Logto serialises as {@code "data": {}}. */
    static ApiError invalidInputFromTypeError(String details) {
        return withData(400, "request.invalid_input", "Input is invalid. " + details,
                JsonNodeFactory.instance.objectNode());
    }

    static ApiError requireMembership() {
        return of(422, "organization.require_membership", "The user must be a member of the organization to proceed.");
    }

    static ApiError invalidPagination() {
        return of(400, "guard.invalid_pagination", "The request pagination value is invalid.");
    }

    /** 400 {@code guard.invalid_input}: a zod failure with {@code data} = the ZodError and {@code details} = one line per issue. */
    static ApiError guard(String type, ArrayNode issues, String details) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("issues", issues);
        data.put("name", "ZodError");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", "guard.invalid_input");
        body.put("message", "The request " + type + " is invalid.");
        body.set("data", data);
        body.put("details", details);
        return new ApiError(Response.json(400, body));
    }

    /** 400 with only {@code {message}}: what koa-body's JSON parse failure turns into. */
    static ApiError malformedJson(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        return new ApiError(Response.json(400, body));
    }

    /** An OIDC error as Logto's OIDC error handler shapes it: {@code {error, error_description, code, message}}. */
    static ApiError oidc(int status, String error, String description, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        body.put("code", "oidc." + error);
        body.put("message", message);
        return new ApiError(Response.json(status, body));
    }
}
