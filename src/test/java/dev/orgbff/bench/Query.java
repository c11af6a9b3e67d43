package dev.orgbff.bench;

import java.util.Arrays;

/** The canonical read operations of {@code schema/operations/} the benchmark runs. */
public enum Query {

    SWITCHER("switcher"),
    ORGANIZATION_PAGE("organizationPage"),
    INVITEE_LANDING("inviteeLanding");

    private final String operation;

    Query(String operation) {
        this.operation = operation;
    }

    /** The operation's file name without {@code .graphql}, e.g. {@code organizationPage}. */
    public String operation() {
        return operation;
    }

    String environmentName() {
        return name();
    }

    static Query named(String operation) {
        return Arrays.stream(values()).filter(query -> query.operation.equals(operation)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown query " + operation + "; one of switcher, organizationPage, inviteeLanding"));
    }
}
