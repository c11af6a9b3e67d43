package dev.orgbff;

import java.time.Duration;
import java.time.Instant;

import dev.orgbff.emulator.LogtoEmulator;

/**
 * The demo tenant of the embedded run, also the template most tests start from. Organization template:
 * {@code admin} (invite:member, manage:member, delete:member, manage:organization, delete:organization)
 * and {@code member} (invite:member). Users: alice (admin of Acme), bob (member of Acme), carol (in no
 * organization, with a pending invitation from alice to Acme as {@code member}), dave (admin of Globex),
 * erin (in no organization, no invitation). The tenant has an email connector, so invitation emails are
 * "sent" (recorded by the emulator), and a machine-to-machine app with fixed credentials ({@link #M2M_APP_ID},
 * {@link #M2M_APP_SECRET}) holding the Management API.
 *
 * @param acme the id of the organization "Acme"
 * @param globex the id of the organization "Globex"
 * @param carolsInvitation the id of carol's pending invitation to Acme (7 days)
 */
public record DemoTenant(String alice, String bob, String carol, String dave, String erin, String acme, String globex,
        String carolsInvitation) {

    /** The id of the demo tenant's machine-to-machine app, fixed so that a second instance can be given it (21 characters, as Logto's). */
    public static final String M2M_APP_ID = "orgbffdemom2mapp00001";
    /** The secret of the demo tenant's machine-to-machine app (a demo value, printed by the embedded run). */
    public static final String M2M_APP_SECRET = "orgbffDemoM2mAppSecret0000000001";
    /** The signing key of the embedded run's webhook, fixed so that a second instance can be given it (32 characters, as Logto's). */
    public static final String WEBHOOK_SIGNING_KEY = "orgbffDemoWebhookSigningKey00001";

    /** The five organization permissions of the template. */
    public static final String[] ADMIN_PERMISSIONS = {
        "delete:member", "delete:organization", "invite:member", "manage:member", "manage:organization"};

    /** Seeds the template only: the permissions and the roles {@code admin} and {@code member}. */
    public static void seedTemplate(LogtoEmulator logto) {
        for (String permission : ADMIN_PERMISSIONS) {
            logto.createOrganizationScope(permission, null);
        }
        logto.createOrganizationRole("admin", "Manages the organization and its members", ADMIN_PERMISSIONS);
        logto.createOrganizationRole("member", "Belongs to the organization and may invite", "invite:member");
    }

    /** Seeds the template, the five users, the two organizations and carol's invitation. */
    public static DemoTenant seed(LogtoEmulator logto) {
        seedTemplate(logto);
        String alice = logto.createUser("alice", "alice@acme.test", "Alice Adams");
        String bob = logto.createUser("bob", "bob@acme.test", "Bob Brown");
        String carol = logto.createUser("carol", "carol@example.test", "Carol Clark");
        String dave = logto.createUser("dave", "dave@globex.test", "Dave Davis");
        String erin = logto.createUser("erin", "erin@example.test", "Erin Evans");
        String acme = logto.createOrganization("Acme", "Acme Corporation");
        String globex = logto.createOrganization("Globex", "Globex Corporation");
        logto.addMember(acme, alice, "admin");
        logto.addMember(acme, bob, "member");
        logto.addMember(globex, dave, "admin");
        String carolsInvitation = logto.createInvitation(acme, alice, "carol@example.test", Instant.now().plus(Duration.ofDays(7)), "member");
        logto.enableEmailConnector();
        logto.machineToMachineApp("Demo BFF", M2M_APP_ID, M2M_APP_SECRET);
        return new DemoTenant(alice, bob, carol, dave, erin, acme, globex, carolsInvitation);
    }
}
