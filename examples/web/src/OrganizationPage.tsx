import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';

import {
  AddMembersDocument,
  DeleteOrganizationDocument,
  JitDocument,
  LeaveOrganizationDocument,
  MembersDocument,
  OrganizationEventsDocument,
  RemoveMemberDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
  RolesDocument,
  ViewerInvitationEventsDocument,
  UpdateJitDocument,
  UpdateMemberRolesDocument,
  UpdateOrganizationDocument,
} from './documents';
import { classificationOf, ErrorMessage, errorsAt, FieldErrors, otherErrors, type UserErrors } from './errors';
import { InviteeLandingDocument, InviteMembersDocument, type OrganizationPageQuery, OrganizationPageDocument } from './gql/graphql';
import { showOrganization, useCurrentOrganizationId } from './Header';
import { Link } from './router';

type Organization = NonNullable<OrganizationPageQuery['organization']>;

/** Splits what a person typed into addresses or domains: commas, semicolons, white space. */
const list = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * What stays in an address field after a submit: nothing when every address went through; else only the addresses an
 * error is about (`input.emails.<index>`), or all of them when an error is about the whole request. An invitation
 * whose email was not sent (`EMAIL_NOT_SENT`) exists: its address leaves the field too.
 */
const remaining = (addresses: string[], userErrors: UserErrors) => {
  const errors = userErrors.filter((error) => error.code !== 'EMAIL_NOT_SENT');
  if (errors.length === 0) {
    return '';
  }
  const indexes = errors.map((error) => (error.field?.[1] === 'emails' ? Number(error.field?.[2]) : NaN));
  return indexes.every(Number.isInteger) ? addresses.filter((_, index) => indexes.includes(index)).join(', ') : addresses.join(', ');
};

/** The sentence for an error about one address of a list (`input.emails.2`), naming the address. */
const naming = (values: string[]) => (error: UserErrors[number]) => {
  const index = Number(error.field?.[2]);
  return Number.isInteger(index) && values[index] ? `${values[index]}: ${error.message}` : error.message;
};

/** The current organization's settings page (details, members, invitations, JIT, leave and delete), after the viewer's own invitations. */
export function OrganizationPage() {
  const id = useCurrentOrganizationId();
  return (
    <>
      <InvitationsForYou />
      {id ? (
        <Organization key={id} id={id} />
      ) : (
        <section>
          <h1>No organization yet</h1>
          <p>Create one with "Create organization" above, or accept an invitation.</p>
        </section>
      )}
    </>
  );
}

/** The invitations to the viewer's address that can still be accepted (canonical `InviteeLanding`), each a link to its landing page. */
function InvitationsForYou() {
  const { data, refetch } = useQuery(InviteeLandingDocument);
  // invited, resent or revoked meanwhile (an acceptance elsewhere comes as the switcher's JOINED)
  useSubscription(ViewerInvitationEventsDocument, { onData: () => void refetch() });
  const invitations = data?.viewer.pendingInvitations ?? [];
  if (invitations.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="for-you-heading" className="for-you">
      <h2 id="for-you-heading">Invitations for you</h2>
      <ul>
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <Link href={`/invitations/${encodeURIComponent(invitation.id)}`}>Join {invitation.organization.name}</Link>, invited by{' '}
            {invitation.inviter?.name ?? 'someone'} as {invitation.roles.map((role) => role.name).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Organization({ id }: { id: string }) {
  // errorPolicy all: a member who may not see invitations gets FORBIDDEN for them and the rest of the page
  const client = useApolloClient();
  const { data, error, loading } = useQuery(OrganizationPageDocument, { variables: { id }, errorPolicy: 'all' });
  // members added or removed, roles changed, invitations: read the page again; the last event ends the subscription
  useSubscription(OrganizationEventsDocument, {
    variables: { organizationId: id },
    onData: ({ data: event }) => {
      const kind = event.data?.organizationEvents.kind;
      if (kind === 'ORGANIZATION_DELETED' || kind === 'ACCESS_LOST') {
        showOrganization(undefined);
      } else {
        void client.refetchQueries({ include: ['OrganizationPage', 'Members'] });
      }
    },
  });
  const organization = data?.organization;
  if (!organization) {
    if (loading) {
      return <p>Loading…</p>;
    }
    return classificationOf(error) === 'NOT_FOUND' ? (
      <section>
        <h1>Not found</h1>
        <p>This organization does not exist, or you are no longer a member.</p>
      </section>
    ) : (
      <ErrorMessage error={error} />
    );
  }
  return (
    <>
      <h1>{organization.name}</h1>
      {organization.description && <p>{organization.description}</p>}
      {organization.viewerCan.updateOrganization && <Details organization={organization} />}
      <Members organization={organization} />
      {organization.invitations && <Invitations organization={organization} />}
      {organization.viewerCan.updateOrganization && <Jit organizationId={organization.id} />}
      <Leave organization={organization} />
    </>
  );
}

function Details({ organization }: { organization: Organization }) {
  const [name, setName] = useState(organization.name);
  const [description, setDescription] = useState(organization.description ?? '');
  const [update, { data, loading, error }] = useMutation(UpdateOrganizationDocument, { refetchQueries: ['Switcher'] });
  const userErrors = data?.updateOrganization.userErrors;
  useEffect(() => setName(organization.name), [organization.name]);
  useEffect(() => setDescription(organization.description ?? ''), [organization.description]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void update({ variables: { input: { organizationId: organization.id, name, description } } });
  }
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <form onSubmit={submit}>
        <label>
          Name <input value={name} onChange={(event) => setName(event.target.value)} aria-describedby="details-name-errors" />
        </label>
        <FieldErrors id="details-name-errors" errors={errorsAt(userErrors, 'input.name')} />
        <label>
          Description{' '}
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} aria-describedby="details-description-errors" />
        </label>
        <FieldErrors id="details-description-errors" errors={errorsAt(userErrors, 'input.description')} />
        <FieldErrors id="details-errors" errors={otherErrors(userErrors, ['input.name', 'input.description'])} />
        <button type="submit" disabled={loading}>
          Save
        </button>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}

/** The template's roles, for the pickers. */
function useRoles() {
  return useQuery(RolesDocument).data?.organizationTemplate.roles ?? [];
}

/**
 * The template's roles as checkboxes in a fieldset named by `legend` (a member, an invitation and a JIT domain list
 * may each hold several), with the errors about them under it.
 */
function RoleChoices({ id, legend, value, onChange, errors, disabled = false }: {
  id: string;
  legend: string;
  value: readonly string[];
  onChange: (roleIds: string[]) => void;
  errors: UserErrors;
  disabled?: boolean;
}) {
  const roles = useRoles();
  return (
    <fieldset className="roles" disabled={disabled} aria-describedby={`${id}-errors`}>
      <legend>{legend}</legend>
      {roles.map((role) => (
        <label key={role.id}>
          <input
            type="checkbox"
            checked={value.includes(role.id)}
            onChange={(event) => onChange(event.target.checked ? [...value, role.id] : value.filter((roleId) => roleId !== role.id))}
          />
          {role.name}
        </label>
      ))}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </fieldset>
  );
}

/** The roles a new member or invitation gets unless the viewer picks others: the template's `member` role. */
function useChosenRoles() {
  const roles = useRoles();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const member = roles.find((role) => role.name === 'member') ?? roles[0];
  return [chosen ?? (member ? [member.id] : []), setChosen] as const;
}

/** The page's first 100 members, or a search (name, email, username) and the pages after it (`Members`). */
function Members({ organization }: { organization: Organization }) {
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState({ query: '', after: null as string | null });
  const own = shown.query !== '' || shown.after !== null;
  const page = useQuery(MembersDocument, {
    variables: { id: organization.id, query: shown.query || null, after: shown.after },
    skip: !own,
  });
  const connection = own ? page.data?.organization?.members : organization.members;
  const members = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({organization.members?.totalCount ?? 0})</h2>
      <form
        role="search"
        className="member-search"
        onSubmit={(event) => {
          event.preventDefault();
          setShown({ query: search.trim(), after: null });
        }}
      >
        <label>
          Search members <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {shown.query && (
        <p role="status">
          {connection?.totalCount ?? 0} {connection?.totalCount === 1 ? 'member matches' : 'members match'} “{shown.query}”.
        </p>
      )}
      <ErrorMessage error={page.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow key={member.user.id} organization={organization} member={member} />
          ))}
        </tbody>
      </table>
      {own && (
        <button type="button" onClick={() => setShown({ query: shown.query, after: null })} disabled={shown.after === null}>
          First page
        </button>
      )}{' '}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setShown({ query: shown.query, after: connection.pageInfo.endCursor ?? null })}>
          Next page
        </button>
      )}
      {organization.viewerCan.addMembers && <AddMembers organizationId={organization.id} />}
    </section>
  );
}

type Member = NonNullable<Organization['members']>['edges'][number]['node'];

function MemberRow({ organization, member }: { organization: Organization; member: Member }) {
  const roles = useRoles();
  const label = member.user.name ?? member.user.primaryEmail ?? member.user.id;
  const errorsId = useId();
  const [updateRoles, updated] = useMutation(UpdateMemberRolesDocument, { refetchQueries: ['OrganizationPage', 'Members'] });
  const [remove, removed] = useMutation(RemoveMemberDocument, { refetchQueries: ['OrganizationPage', 'Members'] });
  const userErrors = [...(updated.data?.updateMemberRoles.userErrors ?? []), ...(removed.data?.removeOrganizationMember.userErrors ?? [])];
  const canChange = organization.viewerCan.updateMemberRoles && !member.isViewer;
  return (
    <tr>
      <td>
        {label}
        {member.isViewer && ' (you)'}
      </td>
      <td>{member.user.primaryEmail}</td>
      <td>
        {canChange ? (
          <RoleChoices
            id={errorsId}
            legend={`Roles of ${label}`}
            value={member.roles.map((role) => role.id)}
            disabled={updated.loading}
            errors={userErrors}
            onChange={(roleIds) => void updateRoles({ variables: { input: { organizationId: organization.id, userId: member.user.id, roleIds } } })}
          />
        ) : (
          <>
            {member.roles.map((role) => role.name).join(', ')}
            <FieldErrors id={errorsId} errors={userErrors} />
          </>
        )}
        <ErrorMessage error={updated.error ?? removed.error} />
      </td>
      <td>
        {organization.viewerCan.removeMembers && !member.isViewer && (
          <button
            type="button"
            disabled={removed.loading}
            onClick={() =>
              window.confirm(`Remove ${label} from ${organization.name}?`) &&
              void remove({ variables: { input: { organizationId: organization.id, userId: member.user.id } } })
            }
          >
            Remove <span className="visually-hidden">{label}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * Several email addresses with roles (add members, invite): each error under the field it is about, the addresses
 * that went through leaving the field. `send` runs the mutation and gives its user errors (none: it was refused as a
 * whole, and `error` says why).
 */
function AddressesForm({ id, heading, label, submitLabel, loading, error, userErrors, send, children }: {
  id: string;
  heading: string;
  label: string;
  submitLabel: string;
  loading: boolean;
  error: unknown;
  userErrors: UserErrors | undefined;
  send: (emails: string[], roleIds: string[]) => Promise<UserErrors | undefined>;
  /** What to say after a send, e.g. who was invited. */
  children?: ReactNode;
}) {
  const [emails, setEmails] = useState('');
  const [roleIds, setRoleIds] = useChosenRoles();
  const [sent, setSent] = useState<string[]>([]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const addresses = list(emails);
    setSent(addresses);
    const errors = await send(addresses, roleIds);
    if (errors) {
      setEmails(remaining(addresses, errors));
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <label>
        {label} <textarea value={emails} onChange={(event) => setEmails(event.target.value)} aria-describedby={`${id}-emails-errors`} />
      </label>
      <FieldErrors id={`${id}-emails-errors`} errors={errorsAt(userErrors, 'input.emails')} describe={naming(sent)} />
      <RoleChoices id={`${id}-roles`} legend="Roles" value={roleIds} onChange={setRoleIds} errors={errorsAt(userErrors, 'input.roleIds')} />
      <FieldErrors id={`${id}-errors`} errors={otherErrors(userErrors, ['input.emails', 'input.roleIds'])} />
      <button type="submit" disabled={loading}>
        {submitLabel}
      </button>
      {children}
      <ErrorMessage error={error} />
    </form>
  );
}

function AddMembers({ organizationId }: { organizationId: string }) {
  const [add, { data, loading, error }] = useMutation(AddMembersDocument, { refetchQueries: ['OrganizationPage', 'Members'] });
  return (
    <AddressesForm
      id="add"
      heading="Add existing users by email"
      label="Email addresses"
      submitLabel="Add"
      loading={loading}
      error={error}
      userErrors={data?.addOrganizationMembers.userErrors}
      send={async (emails, roleIds) =>
        (await add({ variables: { input: { organizationId, emails, roleIds } } })).data?.addOrganizationMembers.userErrors
      }
    />
  );
}

function Invitations({ organization }: { organization: Organization }) {
  const invitations = organization.invitations?.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations ({organization.invitations?.totalCount ?? 0})</h2>
      {invitations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Invitee</th>
              <th scope="col">Roles</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} />
            ))}
          </tbody>
        </table>
      )}
      <Invite organizationId={organization.id} />
    </section>
  );
}

type Invitation = NonNullable<Organization['invitations']>['edges'][number]['node'];

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const errorsId = useId();
  const [resend, resent] = useMutation(ResendInvitationDocument, { refetchQueries: ['OrganizationPage'] });
  const [revoke, revoked] = useMutation(RevokeInvitationDocument, { refetchQueries: ['OrganizationPage'] });
  const userErrors = [...(resent.data?.resendInvitation.userErrors ?? []), ...(revoked.data?.revokeInvitation.userErrors ?? [])];
  const input = { variables: { input: { invitationId: invitation.id } } };
  return (
    <tr>
      <td>{invitation.invitee}</td>
      <td>{invitation.roles.map((role) => role.name).join(', ')}</td>
      <td>{invitation.inviter?.name ?? ''}</td>
      <td>
        <time dateTime={invitation.expiresAt}>{new Date(invitation.expiresAt).toLocaleString()}</time>
      </td>
      <td>
        <button type="button" disabled={resent.loading} onClick={() => void resend(input)} aria-describedby={errorsId}>
          Resend <span className="visually-hidden">to {invitation.invitee}</span>
        </button>{' '}
        <button type="button" disabled={revoked.loading} onClick={() => void revoke(input)} aria-describedby={errorsId}>
          Revoke <span className="visually-hidden">the invitation of {invitation.invitee}</span>
        </button>
        {resent.data && resent.data.resendInvitation.userErrors.length === 0 && <span role="status"> Sent again.</span>}
        <FieldErrors id={errorsId} errors={userErrors} />
        <ErrorMessage error={resent.error ?? revoked.error} />
      </td>
    </tr>
  );
}

function Invite({ organizationId }: { organizationId: string }) {
  const [invite, { data, loading, error }] = useMutation(InviteMembersDocument, { refetchQueries: ['OrganizationPage'] });
  const invited = data?.inviteMembers.invitations ?? [];
  return (
    <AddressesForm
      id="invite"
      heading="Invite by email"
      label="Email addresses (several: one per line or separated by commas)"
      submitLabel="Invite"
      loading={loading}
      error={error}
      userErrors={data?.inviteMembers.userErrors}
      send={async (emails, roleIds) => (await invite({ variables: { input: { organizationId, emails, roleIds } } })).data?.inviteMembers.userErrors}
    >
      {invited.length > 0 && <p role="status">Invited {invited.map((invitation) => invitation.invitee).join(', ')}.</p>}
    </AddressesForm>
  );
}

function Jit({ organizationId }: { organizationId: string }) {
  const { data } = useQuery(JitDocument, { variables: { id: organizationId }, errorPolicy: 'all' });
  const jit = data?.organization?.jit;
  const [domains, setDomains] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [update, updated] = useMutation(UpdateJitDocument, { refetchQueries: ['Jit'] });
  useEffect(() => {
    if (jit) {
      setDomains(jit.emailDomains.join(', '));
      setRoleIds(jit.roles.map((role) => role.id));
    }
  }, [jit]);
  const userErrors = updated.data?.updateJitSettings.userErrors;
  const sent = list(domains);
  if (!jit) {
    return null;
  }
  return (
    <section aria-labelledby="jit-heading">
      <h2 id="jit-heading">Just-in-time membership</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void update({ variables: { input: { organizationId, emailDomains: sent, roleIds } } });
        }}
      >
        <label>
          Email domains whose new users join (e.g. example.com){' '}
          <input value={domains} onChange={(event) => setDomains(event.target.value)} aria-describedby="jit-domains-errors" />
        </label>
        <FieldErrors id="jit-domains-errors" errors={errorsAt(userErrors, 'input.emailDomains')} describe={naming(sent)} />
        <RoleChoices id="jit-roles" legend="Roles they get" value={roleIds} onChange={setRoleIds} errors={errorsAt(userErrors, 'input.roleIds')} />
        <FieldErrors id="jit-errors" errors={otherErrors(userErrors, ['input.emailDomains', 'input.roleIds'])} />
        <button type="submit" disabled={updated.loading}>
          Save
        </button>
        <ErrorMessage error={updated.error} />
      </form>
    </section>
  );
}

function Leave({ organization }: { organization: Organization }) {
  const input = { variables: { input: { organizationId: organization.id } } };
  const [leave, left] = useMutation(LeaveOrganizationDocument, { refetchQueries: ['Switcher'] });
  const [remove, deleted] = useMutation(DeleteOrganizationDocument, { refetchQueries: ['Switcher'] });
  const userErrors = [...(left.data?.leaveOrganization.userErrors ?? []), ...(deleted.data?.deleteOrganization.userErrors ?? [])];
  if (!organization.viewerCan.leave && !organization.viewerCan.deleteOrganization) {
    return null;
  }
  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave or delete</h2>
      {organization.viewerCan.leave && (
        <button
          type="button"
          onClick={async () => {
            if (window.confirm(`Leave ${organization.name}?`)) {
              const result = await leave(input);
              if (result.data?.leaveOrganization.leftOrganizationId) {
                showOrganization(undefined);
              }
            }
          }}
        >
          Leave {organization.name}
        </button>
      )}{' '}
      {organization.viewerCan.deleteOrganization && (
        <button
          type="button"
          onClick={async () => {
            if (window.confirm(`Delete ${organization.name} with all its members and invitations? This cannot be undone.`)) {
              const result = await remove(input);
              if (result.data?.deleteOrganization.userErrors.length === 0) {
                showOrganization(undefined);
              }
            }
          }}
        >
          Delete {organization.name}
        </button>
      )}
      <FieldErrors id="leave-errors" errors={userErrors} />
      <ErrorMessage error={left.error ?? deleted.error} />
    </section>
  );
}
