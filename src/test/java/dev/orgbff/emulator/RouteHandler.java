package dev.orgbff.emulator;

/** Answers one matched route. Runs while the {@link TenantState} lock is held, so it may read and write freely. */
@FunctionalInterface
interface RouteHandler {

    /** @throws ApiError for every Logto error answer */
    Response handle(Request request);
}
