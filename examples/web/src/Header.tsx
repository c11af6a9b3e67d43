import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';

import { ErrorMessage, errorsAt, FieldErrors, otherErrors } from './errors';
import { ViewerOrganizationEventsDocument } from './documents';
import { CreateOrganizationDocument, SwitcherDocument } from './gql/graphql';
import { navigate, useLocation } from './router';

/** The organization shown: `?organization=<id>`, else the first of the switcher's. */
export function useCurrentOrganizationId() {
  const location = useLocation();
  const { data } = useQuery(SwitcherDocument);
  const chosen = new URLSearchParams(location.split('?')[1] ?? '').get('organization');
  const organizations = data?.viewer.organizations.edges.map((edge) => edge.node) ?? [];
  return chosen ?? organizations[0]?.id;
}

export function showOrganization(id: string | undefined) {
  navigate(id ? `/?organization=${encodeURIComponent(id)}` : '/');
}

/** The header: the organization switcher, "Create organization", sign-out; keeps both live with the viewer's events. */
export function Header({ onSignOut }: { onSignOut: () => void }) {
  const client = useApolloClient();
  const { data, error } = useQuery(SwitcherDocument);
  const current = useCurrentOrganizationId();
  // joined, left, removed, renamed, deleted, roles changed: the switcher and the page (viewerCan) read them again
  useSubscription(ViewerOrganizationEventsDocument, {
    onData: () => void client.refetchQueries({ include: ['Switcher', 'OrganizationPage', 'Members', 'Jit'] }),
  });
  const organizations = data?.viewer.organizations.edges.map((edge) => edge.node) ?? [];
  return (
    <header className="app-header">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <strong>Organizations</strong>
      <label>
        Organization{' '}
        <select
          value={current ?? ''}
          onChange={(event) => showOrganization(event.target.value)}
          disabled={organizations.length === 0}
        >
          {organizations.length === 0 && <option value="">None yet</option>}
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name} ({organization.viewerRoles.map((role) => role.name).join(', ') || 'no role'})
            </option>
          ))}
        </select>
      </label>
      <CreateOrganization />
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
      <ErrorMessage error={error} />
    </header>
  );
}

function CreateOrganization() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [create, { data, loading, error }] = useMutation(CreateOrganizationDocument, { refetchQueries: ['Switcher'] });
  const userErrors = data?.createOrganization.userErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ variables: { input: { name, description: description || null } } });
    const organization = result.data?.createOrganization.organization;
    if (organization) {
      setOpen(false);
      setName('');
      setDescription('');
      showOrganization(organization.id);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Create organization
      </button>
    );
  }
  return (
    <form className="create-organization" onSubmit={submit} aria-label="Create organization">
      <label>
        Name{' '}
        <input autoFocus required value={name} onChange={(event) => setName(event.target.value)}
          aria-invalid={errorsAt(userErrors, 'input.name').length > 0} aria-describedby="create-name-errors" />
      </label>
      <FieldErrors id="create-name-errors" errors={errorsAt(userErrors, 'input.name')} />
      <label>
        Description{' '}
        <input value={description} onChange={(event) => setDescription(event.target.value)}
          aria-invalid={errorsAt(userErrors, 'input.description').length > 0} aria-describedby="create-description-errors" />
      </label>
      <FieldErrors id="create-description-errors" errors={errorsAt(userErrors, 'input.description')} />
      <FieldErrors id="create-errors" errors={otherErrors(userErrors, ['input.name', 'input.description'])} />
      <button type="submit" disabled={loading}>
        Create
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
