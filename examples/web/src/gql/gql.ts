/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  subscription ViewerOrganizationEvents {\n    viewerOrganizationEvents {\n      kind\n      organizationId\n      viewerPermissions\n    }\n  }\n": typeof types.ViewerOrganizationEventsDocument,
    "\n  subscription OrganizationEvents($organizationId: ID!) {\n    organizationEvents(organizationId: $organizationId) {\n      kind\n      organizationId\n      userIds\n    }\n  }\n": typeof types.OrganizationEventsDocument,
    "\n  subscription ViewerInvitationEvents {\n    viewerInvitationEvents {\n      kind\n      invitation {\n        id\n      }\n    }\n  }\n": typeof types.ViewerInvitationEventsDocument,
    "\n  query Roles {\n    organizationTemplate {\n      roles {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  query Jit($id: ID!) {\n    organization(id: $id) {\n      id\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.JitDocument,
    "\n  query LandingInvitation($id: ID!) {\n    viewer {\n      user {\n        id\n        primaryEmail\n      }\n    }\n    invitation(id: $id) {\n      id\n      status\n      invitee\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n": typeof types.LandingInvitationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        description\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation AddMembers($input: AddOrganizationMembersInput!) {\n    addOrganizationMembers(input: $input) {\n      members {\n        user {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddMembersDocument,
    "\n  mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {\n    updateMemberRoles(input: $input) {\n      member {\n        user {\n          id\n        }\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateMemberRolesDocument,
    "\n  mutation RemoveMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removedUserId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation UpdateJit($input: UpdateJitSettingsInput!) {\n    updateJitSettings(input: $input) {\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateJitDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      leftOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LeaveOrganizationDocument,
    "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      deletedOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteOrganizationDocument,
    "\n  query Members($id: ID!, $query: String, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: 100, query: $query, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            user {\n              id\n              name\n              primaryEmail\n              avatar\n            }\n            roles {\n              id\n              name\n            }\n            permissions\n            isViewer\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.AcceptInvitationDocument,
    "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.CreateOrganizationDocument,
    "mutation InviteMembers($input: InviteMembersInput!) {\n  inviteMembers(input: $input) {\n    invitations {\n      id\n      invitee\n      status\n      expiresAt\n    }\n    pendingInvitations {\n      id\n      invitee\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.InviteMembersDocument,
    "query InviteeLanding {\n  viewer {\n    pendingInvitations {\n      id\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n}": typeof types.InviteeLandingDocument,
    "query OrganizationPage($id: ID!) {\n  organization(id: $id) {\n    id\n    name\n    description\n    viewerPermissions\n    viewerCan {\n      updateOrganization\n      deleteOrganization\n      addMembers\n      updateMemberRoles\n      removeMembers\n      leave\n    }\n    members(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          user {\n            id\n            name\n            primaryEmail\n            avatar\n          }\n          roles {\n            id\n            name\n          }\n          permissions\n          isViewer\n        }\n      }\n    }\n    invitations(status: PENDING, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          invitee\n          expiresAt\n          inviter {\n            id\n            name\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.OrganizationPageDocument,
    "query Switcher {\n  viewer {\n    organizations(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          viewerRoles {\n            id\n            name\n          }\n          viewerPermissions\n        }\n      }\n    }\n  }\n}": typeof types.SwitcherDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  subscription ViewerOrganizationEvents {\n    viewerOrganizationEvents {\n      kind\n      organizationId\n      viewerPermissions\n    }\n  }\n": types.ViewerOrganizationEventsDocument,
    "\n  subscription OrganizationEvents($organizationId: ID!) {\n    organizationEvents(organizationId: $organizationId) {\n      kind\n      organizationId\n      userIds\n    }\n  }\n": types.OrganizationEventsDocument,
    "\n  subscription ViewerInvitationEvents {\n    viewerInvitationEvents {\n      kind\n      invitation {\n        id\n      }\n    }\n  }\n": types.ViewerInvitationEventsDocument,
    "\n  query Roles {\n    organizationTemplate {\n      roles {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  query Jit($id: ID!) {\n    organization(id: $id) {\n      id\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.JitDocument,
    "\n  query LandingInvitation($id: ID!) {\n    viewer {\n      user {\n        id\n        primaryEmail\n      }\n    }\n    invitation(id: $id) {\n      id\n      status\n      invitee\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n": types.LandingInvitationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        description\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation AddMembers($input: AddOrganizationMembersInput!) {\n    addOrganizationMembers(input: $input) {\n      members {\n        user {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddMembersDocument,
    "\n  mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {\n    updateMemberRoles(input: $input) {\n      member {\n        user {\n          id\n        }\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateMemberRolesDocument,
    "\n  mutation RemoveMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removedUserId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeclineInvitationDocument,
    "\n  mutation UpdateJit($input: UpdateJitSettingsInput!) {\n    updateJitSettings(input: $input) {\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateJitDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      leftOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LeaveOrganizationDocument,
    "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      deletedOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteOrganizationDocument,
    "\n  query Members($id: ID!, $query: String, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: 100, query: $query, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            user {\n              id\n              name\n              primaryEmail\n              avatar\n            }\n            roles {\n              id\n              name\n            }\n            permissions\n            isViewer\n          }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.AcceptInvitationDocument,
    "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.CreateOrganizationDocument,
    "mutation InviteMembers($input: InviteMembersInput!) {\n  inviteMembers(input: $input) {\n    invitations {\n      id\n      invitee\n      status\n      expiresAt\n    }\n    pendingInvitations {\n      id\n      invitee\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.InviteMembersDocument,
    "query InviteeLanding {\n  viewer {\n    pendingInvitations {\n      id\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n}": types.InviteeLandingDocument,
    "query OrganizationPage($id: ID!) {\n  organization(id: $id) {\n    id\n    name\n    description\n    viewerPermissions\n    viewerCan {\n      updateOrganization\n      deleteOrganization\n      addMembers\n      updateMemberRoles\n      removeMembers\n      leave\n    }\n    members(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          user {\n            id\n            name\n            primaryEmail\n            avatar\n          }\n          roles {\n            id\n            name\n          }\n          permissions\n          isViewer\n        }\n      }\n    }\n    invitations(status: PENDING, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          invitee\n          expiresAt\n          inviter {\n            id\n            name\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n}": types.OrganizationPageDocument,
    "query Switcher {\n  viewer {\n    organizations(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          viewerRoles {\n            id\n            name\n          }\n          viewerPermissions\n        }\n      }\n    }\n  }\n}": types.SwitcherDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ViewerOrganizationEvents {\n    viewerOrganizationEvents {\n      kind\n      organizationId\n      viewerPermissions\n    }\n  }\n"): (typeof documents)["\n  subscription ViewerOrganizationEvents {\n    viewerOrganizationEvents {\n      kind\n      organizationId\n      viewerPermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrganizationEvents($organizationId: ID!) {\n    organizationEvents(organizationId: $organizationId) {\n      kind\n      organizationId\n      userIds\n    }\n  }\n"): (typeof documents)["\n  subscription OrganizationEvents($organizationId: ID!) {\n    organizationEvents(organizationId: $organizationId) {\n      kind\n      organizationId\n      userIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ViewerInvitationEvents {\n    viewerInvitationEvents {\n      kind\n      invitation {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ViewerInvitationEvents {\n    viewerInvitationEvents {\n      kind\n      invitation {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    organizationTemplate {\n      roles {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    organizationTemplate {\n      roles {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jit($id: ID!) {\n    organization(id: $id) {\n      id\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Jit($id: ID!) {\n    organization(id: $id) {\n      id\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LandingInvitation($id: ID!) {\n    viewer {\n      user {\n        id\n        primaryEmail\n      }\n    }\n    invitation(id: $id) {\n      id\n      status\n      invitee\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query LandingInvitation($id: ID!) {\n    viewer {\n      user {\n        id\n        primaryEmail\n      }\n    }\n    invitation(id: $id) {\n      id\n      status\n      invitee\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        description\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        description\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMembers($input: AddOrganizationMembersInput!) {\n    addOrganizationMembers(input: $input) {\n      members {\n        user {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMembers($input: AddOrganizationMembersInput!) {\n    addOrganizationMembers(input: $input) {\n      members {\n        user {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {\n    updateMemberRoles(input: $input) {\n      member {\n        user {\n          id\n        }\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {\n    updateMemberRoles(input: $input) {\n      member {\n        user {\n          id\n        }\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removedUserId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removedUserId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateJit($input: UpdateJitSettingsInput!) {\n    updateJitSettings(input: $input) {\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateJit($input: UpdateJitSettingsInput!) {\n    updateJitSettings(input: $input) {\n      jit {\n        emailDomains\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      leftOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      leftOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      deletedOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      deletedOrganizationId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($id: ID!, $query: String, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: 100, query: $query, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            user {\n              id\n              name\n              primaryEmail\n              avatar\n            }\n            roles {\n              id\n              name\n            }\n            permissions\n            isViewer\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($id: ID!, $query: String, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: 100, query: $query, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            user {\n              id\n              name\n              primaryEmail\n              avatar\n            }\n            roles {\n              id\n              name\n            }\n            permissions\n            isViewer\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    organization {\n      id\n      name\n      viewerRoles {\n        name\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteMembers($input: InviteMembersInput!) {\n  inviteMembers(input: $input) {\n    invitations {\n      id\n      invitee\n      status\n      expiresAt\n    }\n    pendingInvitations {\n      id\n      invitee\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation InviteMembers($input: InviteMembersInput!) {\n  inviteMembers(input: $input) {\n    invitations {\n      id\n      invitee\n      status\n      expiresAt\n    }\n    pendingInvitations {\n      id\n      invitee\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InviteeLanding {\n  viewer {\n    pendingInvitations {\n      id\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query InviteeLanding {\n  viewer {\n    pendingInvitations {\n      id\n      expiresAt\n      organization {\n        id\n        name\n        description\n      }\n      inviter {\n        id\n        name\n      }\n      roles {\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationPage($id: ID!) {\n  organization(id: $id) {\n    id\n    name\n    description\n    viewerPermissions\n    viewerCan {\n      updateOrganization\n      deleteOrganization\n      addMembers\n      updateMemberRoles\n      removeMembers\n      leave\n    }\n    members(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          user {\n            id\n            name\n            primaryEmail\n            avatar\n          }\n          roles {\n            id\n            name\n          }\n          permissions\n          isViewer\n        }\n      }\n    }\n    invitations(status: PENDING, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          invitee\n          expiresAt\n          inviter {\n            id\n            name\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query OrganizationPage($id: ID!) {\n  organization(id: $id) {\n    id\n    name\n    description\n    viewerPermissions\n    viewerCan {\n      updateOrganization\n      deleteOrganization\n      addMembers\n      updateMemberRoles\n      removeMembers\n      leave\n    }\n    members(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          user {\n            id\n            name\n            primaryEmail\n            avatar\n          }\n          roles {\n            id\n            name\n          }\n          permissions\n          isViewer\n        }\n      }\n    }\n    invitations(status: PENDING, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          invitee\n          expiresAt\n          inviter {\n            id\n            name\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Switcher {\n  viewer {\n    organizations(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          viewerRoles {\n            id\n            name\n          }\n          viewerPermissions\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Switcher {\n  viewer {\n    organizations(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          viewerRoles {\n            id\n            name\n          }\n          viewerPermissions\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;