package dev.orgbff;

import java.time.Duration;
import java.time.Instant;

import dev.orgbff.emulator.LogtoEmulator;

/**
 * The {@link DemoTenant demo tenant} grown to the sizes the canonical read operations of
 * {@code schema/operations/} are stated for, shared by their tests and the benchmark: erin is in 25
 * organizations (the switcher; admin of every other one, dave the admin of the rest); Acme has 100 members and 30 pending invitations,
 * half from alice and half from dave, who is not a member of Acme (the organization page); carol has
 * pending invitations from 5 organizations, each from a different inviter (the invitee landing).
 *
 * @param demo the demo tenant underneath
 */
public record CanonicalTenant(DemoTenant demo) {

    /** The organizations of the switcher's viewer, erin. */
    public static final int SWITCHER_ORGANIZATIONS = 25;
    /** Acme's members, alice and bob included. */
    public static final int MEMBERS = 100;
    /** Acme's pending invitations, carol's included. */
    public static final int INVITATIONS = 30;
    /** The organizations carol is invited to, Acme included. */
    public static final int INVITING_ORGANIZATIONS = 5;

    /** Seeds the demo tenant, then the canonical sizes. */
    public static CanonicalTenant seed(LogtoEmulator logto) {
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < SWITCHER_ORGANIZATIONS; i++) {
            String organization = logto.createOrganization(String.format("Org %02d", i), null);
            logto.addMember(organization, demo.erin(), i % 2 == 0 ? "admin" : "member");
            if (i % 2 != 0) {
                logto.addMember(organization, demo.dave(), "admin"); // every organization has an admin, as the service keeps it
            }
        }
        for (int i = 0; i < MEMBERS - 2; i++) {
            String user = logto.createUser("user" + i, "user" + i + "@acme.test", "User " + i);
            logto.addMember(demo.acme(), user, i % 10 == 0 ? "admin" : "member");
        }
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        for (int i = 0; i < INVITATIONS - 1; i++) {
            // half from an inviter outside Acme (never among the members fetched), so the inviters' batch is always needed
            logto.createInvitation(demo.acme(), i % 2 == 0 ? demo.alice() : demo.dave(), "guest" + i + "@example.test", expiresAt, "member");
        }
        for (int i = 0; i < INVITING_ORGANIZATIONS - 1; i++) {
            String organization = logto.createOrganization("Inviting " + i, "Description " + i);
            String inviter = logto.createUser("inviter" + i, null, "Inviter " + i);
            logto.addMember(organization, inviter, "admin");
            logto.createInvitation(organization, inviter, "carol@example.test", expiresAt, "member");
        }
        return new CanonicalTenant(demo);
    }
}
