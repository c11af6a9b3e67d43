// The variant for an app that sends Logto organization tokens rather than this app's API-resource token. Not used by
// this app; type-checked with it. An organization token carries the viewer's organization permissions as its scopes,
// fixed when it is issued: when they change, drop it and fetch a new one (Logto's docs: clearAccessToken, then
// getOrganizationToken). The service says when: a ROLES_CHANGED or PERMISSIONS_CHANGED push, or an organization's
// isViewerTokenStale read with that token. Such an app asks for UserScope.Organizations and the template's organization
// permissions in LogtoProvider's scopes: the SDK refuses getOrganizationToken without the former.
import { useSubscription } from '@apollo/client/react';
import { useLogto } from '@logto/react';

import { ViewerOrganizationEventsDocument } from './documents';

/** `token(organizationId)`: the organization token to send for that organization, a fresh one after a change. */
export function useOrganizationToken() {
  const { clearAccessToken, getOrganizationToken } = useLogto();
  useSubscription(ViewerOrganizationEventsDocument, {
    onData: ({ data }) => {
      const kind = data.data?.viewerOrganizationEvents.kind;
      if (kind === 'ROLES_CHANGED' || kind === 'PERMISSIONS_CHANGED') {
        void clearAccessToken();
      }
    },
  });
  return {
    token: (organizationId: string) => getOrganizationToken(organizationId),
    /** Call when a query answered `isViewerTokenStale: true`: the next `token()` is issued anew. */
    stale: () => clearAccessToken(),
  };
}
