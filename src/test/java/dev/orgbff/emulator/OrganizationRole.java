package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/** A role of the organization template; {@code type} is {@code User} or {@code MachineToMachine}. */
record OrganizationRole(String id, String name, @Nullable String description, String type) implements TemplateEntry {

    static final String USER = "User";
    static final String MACHINE_TO_MACHINE = "MachineToMachine";
}
