import { useMutation, useQuery, useSubscription } from '@apollo/client/react';

import { DeclineInvitationDocument, LandingInvitationDocument, ViewerInvitationEventsDocument } from './documents';
import { classificationOf, ErrorMessage, FieldErrors } from './errors';
import { AcceptInvitationDocument } from './gql/graphql';
import { showOrganization } from './Header';
import { Link } from './router';

/** Where an invitation's email link lands (`orgbff.invitations.accept-url`): accept or decline, or why not. */
export function InvitationLanding({ invitationId }: { invitationId: string }) {
  const { data, error, loading, refetch } = useQuery(LandingInvitationDocument, { variables: { id: invitationId }, errorPolicy: 'all' });
  // resent (a new expiry) or revoked while the page is open: read it again
  useSubscription(ViewerInvitationEventsDocument, {
    onData: ({ data: event }) => {
      if (event.data?.viewerInvitationEvents.invitation.id === invitationId) {
        void refetch();
      }
    },
  });
  const input = { variables: { input: { invitationId } } };
  const [accept, accepted] = useMutation(AcceptInvitationDocument, { refetchQueries: ['Switcher'] });
  const [decline, declined] = useMutation(DeclineInvitationDocument);
  const invitation = data?.invitation;
  if (loading && !data) {
    return <p>Loading…</p>;
  }
  if (!invitation) {
    // the service answers the same for an unknown id and for an invitation sent to another address
    return classificationOf(error) === 'NOT_FOUND' ? (
      <section>
        <h1>Invitation not found</h1>
        <p>
          This invitation was sent to another email address than yours ({data?.viewer.user.primaryEmail ?? 'unknown'}), or it does
          not exist. Sign in with the address it was sent to.
        </p>
        <p>
          <Link href="/">Your organizations</Link>
        </p>
      </section>
    ) : (
      <ErrorMessage error={error} />
    );
  }
  const userErrors = [...(accepted.data?.acceptInvitation.userErrors ?? []), ...(declined.data?.declineInvitation.userErrors ?? [])];
  const joined = accepted.data?.acceptInvitation.organization;
  // an organization's admin may read an invitation to someone else; only its invitee can accept it (EMAIL_MISMATCH)
  const viewerEmail = data?.viewer.user.primaryEmail ?? '';
  const forSomeoneElse = viewerEmail.toLowerCase() !== invitation.invitee.toLowerCase();
  const expired = invitation.status === 'EXPIRED' || (invitation.status === 'PENDING' && new Date(invitation.expiresAt) < new Date());
  return (
    <section aria-labelledby="landing-heading">
      <h1 id="landing-heading">Join {invitation.organization.name}</h1>
      {invitation.organization.description && <p>{invitation.organization.description}</p>}
      <p>
        {invitation.inviter?.name ?? 'Someone'} invited {invitation.invitee} as {invitation.roles.map((role) => role.name).join(', ')}.
      </p>
      {joined ? (
        <p role="status">
          You joined {joined.name}.{' '}
          <button type="button" onClick={() => showOrganization(joined.id)}>
            Open {joined.name}
          </button>
        </p>
      ) : declined.data && declined.data.declineInvitation.userErrors.length === 0 ? (
        <p role="status">You declined the invitation.</p>
      ) : forSomeoneElse ? (
        <p>
          This invitation is for {invitation.invitee}, and you are signed in as {viewerEmail || 'a user without an email address'}. To
          accept it, sign out and sign in with that address.
        </p>
      ) : invitation.status === 'ACCEPTED' ? (
        <p>This invitation has already been accepted.</p>
      ) : invitation.status === 'REVOKED' ? (
        <p>This invitation was revoked. Ask {invitation.inviter?.name ?? 'the organization'} to invite you again.</p>
      ) : expired ? (
        <p>This invitation expired on {new Date(invitation.expiresAt).toLocaleString()}. Ask for a new one.</p>
      ) : (
        <p>
          <button type="button" disabled={accepted.loading || declined.loading} onClick={() => void accept(input)}>
            Accept
          </button>{' '}
          <button type="button" disabled={accepted.loading || declined.loading} onClick={() => void decline(input)}>
            Decline
          </button>
        </p>
      )}
      <FieldErrors id="landing-errors" errors={userErrors} />
      <ErrorMessage error={accepted.error ?? declined.error} />
    </section>
  );
}
