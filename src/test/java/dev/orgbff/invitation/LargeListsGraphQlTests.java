package dev.orgbff.invitation;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

/**
 * The lists Logto does not page (an organization's invitations, a user's organizations) answer however long they
 * are: a soak found an organization with 3,000 invitations failing every invitations page and every invite, as
 * Logto's answer outgrew the 256 KB a response body could take.
 */
class LargeListsGraphQlTests extends GraphQlTestSupport {

    @Test
    void organizationInvitations_thousandsOfInvitations_stillListed() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        for (int i = 0; i < 2_500; i++) {
            logto.createInvitation(demo.acme(), demo.alice(), "guest" + i + "@example.test", expiresAt, "member");
        }
        // when
        var response = as(demo.alice()).document("query($id: ID!) { organization(id: $id) { invitations(first: 10) { totalCount } } }")
                .variable("id", demo.acme()).execute();
        // then
        response.errors().verify();
        response.path("organization.invitations.totalCount").entity(Integer.class).isEqualTo(2_501);
    }

    @Test
    void viewerOrganizations_userInAThousandOrganizations_stillListed() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 1_000; i++) {
            logto.addMember(logto.createOrganization("Organization number " + i, "A description long enough to weigh something"), demo.erin(), "member");
        }
        // when
        var response = as(demo.erin()).document("{ viewer { organizations(first: 1) { totalCount } } }").execute();
        // then
        response.errors().verify();
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1_000);
    }
}
