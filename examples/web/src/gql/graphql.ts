/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Which invitation to accept. */
export type AcceptInvitationInput = {
  /** The invitation, e.g. from the accept link. */
  invitationId: string | number;
};

/** Who to add to an organization, and with which roles. */
export type AddOrganizationMembersInput = {
  /**
   * Primary emails of existing users, stripped of white space and invisible characters at both ends and
   * matched exactly but ignoring the case of ASCII letters (a non-ASCII letter matches only itself: the
   * Kelvin sign U+212A is not k). Plain strings rather than `EmailAddress`, so that one malformed
   * address is reported for its index (`INVALID_EMAIL`) instead of failing the whole request.
   */
  emails?: Array<string> | null | undefined;
  /** The organization. */
  organizationId: string | number;
  /** The roles every new member gets; 1 to 100 role ids (more is `BAD_REQUEST`). */
  roleIds: Array<string | number>;
  /** Logto user ids of existing users. Together with `emails`, 1 to 100 people. */
  userIds?: Array<string | number> | null | undefined;
};

/** What a new organization starts with. */
export type CreateOrganizationInput = {
  /** An optional description of at most 256 characters (UTF-16 code units); blank means none. */
  description?: string | null | undefined;
  /** The name: 1 to 128 characters (UTF-16 code units, as Logto counts them) after stripping white space and invisible characters at both ends. */
  name: string;
};

/** Which invitation to decline. */
export type DeclineInvitationInput = {
  /** The invitation. */
  invitationId: string | number;
};

/** Which organization to delete. */
export type DeleteOrganizationInput = {
  /** The organization to delete. */
  organizationId: string | number;
};

/** An invitation's status. */
export type InvitationStatus =
  /** Accepted: the invitee is a member. */
  | 'ACCEPTED'
  /** Its expiry passed without an answer; ask for a new one. */
  | 'EXPIRED'
  /** Can still be accepted or declined. */
  | 'PENDING'
  /** Revoked by someone who may invite, or declined by the invitee. */
  | 'REVOKED';

/** Who to invite to an organization, with which roles, for how long. */
export type InviteMembersInput = {
  /**
   * 1 to 50 email addresses, stripped of white space and invisible characters at both ends, their ASCII
   * letters lower-cased; ASCII only, as Logto's invitee rule wants. Plain strings rather than `EmailAddress`,
   * so that one malformed address is reported for its index (`INVALID_EMAIL`) while the others are invited.
   */
  emails: Array<string>;
  /** How many days the invitations can be accepted, 1 to 30; default 7. */
  expiresInDays?: number | null | undefined;
  /** The organization. */
  organizationId: string | number;
  /** The roles every invitee gets on acceptance; 1 to 100 role ids. */
  roleIds: Array<string | number>;
};

/** Which organization the viewer leaves. */
export type LeaveOrganizationInput = {
  /** The organization. */
  organizationId: string | number;
};

/** What happened in an organization. */
export type OrganizationEventKind =
  /** The subscriber is no longer a member (removed, left) or may no longer see it: the last event. */
  | 'ACCESS_LOST'
  /** An invitation was accepted (its invitee's joining is `MEMBERS_ADDED`). Service only. */
  | 'INVITATION_ACCEPTED'
  /** An invitation was created. Service only. */
  | 'INVITATION_CREATED'
  /** An invitation was declined. Service only. */
  | 'INVITATION_DECLINED'
  /** An invitation's email was sent again. Service only. */
  | 'INVITATION_RESENT'
  /** An invitation was revoked. Service only. */
  | 'INVITATION_REVOKED'
  /** Users became members (added, accepted an invitation, just in time). Webhook and service. */
  | 'MEMBERS_ADDED'
  /** Members were removed or left. Webhook and service. */
  | 'MEMBERS_REMOVED'
  /** Members' roles changed. Service only. */
  | 'MEMBER_ROLES_CHANGED'
  /** The organization was deleted: the last event. Webhook and service. */
  | 'ORGANIZATION_DELETED'
  /** The organization's name, description or custom data changed. Webhook and service. */
  | 'ORGANIZATION_UPDATED';

/** Which member to remove. */
export type RemoveOrganizationMemberInput = {
  /** The organization. */
  organizationId: string | number;
  /** The member's Logto user id. */
  userId: string | number;
};

/** Which invitation to send again. */
export type ResendInvitationInput = {
  /** The invitation. */
  invitationId: string | number;
};

/** Which invitation to revoke. */
export type RevokeInvitationInput = {
  /** The invitation. */
  invitationId: string | number;
};

/** What to change in an organization's just-in-time provisioning; leave out what stays as it is. */
export type UpdateJitSettingsInput = {
  /** The email domains from now on (host names such as `example.com`; at most 100), replacing the old ones; empty turns domain JIT off. */
  emailDomains?: Array<string> | null | undefined;
  /** The organization. */
  organizationId: string | number;
  /** The roles people joining by domain get from now on, replacing the old ones. */
  roleIds?: Array<string | number> | null | undefined;
};

/** A member's new roles. */
export type UpdateMemberRolesInput = {
  /** The organization. */
  organizationId: string | number;
  /** The member's roles from now on, replacing the old ones; 1 to 100 role ids (more is `BAD_REQUEST`). */
  roleIds: Array<string | number>;
  /** The member's Logto user id. */
  userId: string | number;
};

/** The changes to an organization's details; leave out what stays as it is. */
export type UpdateOrganizationInput = {
  /** New custom data: a JSON object that replaces the old one whole. Null or absent keeps it. */
  customData?: Record<string, unknown> | null | undefined;
  /** The new description, at most 256 characters. Null or blank removes it; absent keeps it. */
  description?: string | null | undefined;
  /** Whether members need an MFA factor to get an organization token. Null or absent keeps it. */
  isMfaRequired?: boolean | null | undefined;
  /** The new name: 1 to 128 characters after stripping, as for `createOrganization`. Null or absent keeps the name. */
  name?: string | null | undefined;
  /** The organization to change. */
  organizationId: string | number;
};

/** Why a mutation did not do (all of) what was asked: each value names the state that blocks it. */
export type UserErrorCode =
  /** The change takes the admin role from a member, and the admins could not be counted after it (Logto failed) to make sure one is left, so it was undone: nothing changed. Try again. */
  | 'ADMIN_COUNT_UNAVAILABLE'
  /** The user is already a member of the organization; nothing was changed for them. */
  | 'ALREADY_MEMBER'
  /** A name or description contains control characters; a description may hold line breaks and tabs. */
  | 'CONTROL_CHARACTERS'
  /** Custom data must be a JSON object. */
  | 'CUSTOM_DATA_NOT_OBJECT'
  /** A description has more than 256 characters (UTF-16 code units). */
  | 'DESCRIPTION_TOO_LONG'
  /** No email address to invite was given. */
  | 'EMAILS_REQUIRED'
  /** The invitation is for another email address than the signed-in user's verified primary email: sign in with the invited address. */
  | 'EMAIL_MISMATCH'
  /** The invitation was created but its email could not be sent (no email connector, or Logto's mail rate limit); share `acceptUrl` another way. */
  | 'EMAIL_NOT_SENT'
  /** A just-in-time email domain must be a host name such as `example.com`. */
  | 'INVALID_DOMAIN'
  /** This is not an email address. */
  | 'INVALID_EMAIL'
  /** The expiry must be 1 to 30 days. */
  | 'INVALID_EXPIRY'
  /** The invitation expired; ask for a new one. */
  | 'INVITATION_EXPIRED'
  /** Logto could not create the invitation for this address (it refused or did not answer); the other addresses went ahead. Try it again. */
  | 'INVITATION_FAILED'
  /** The invitation was accepted or revoked already (for a revoke: or it expired), so it cannot change. */
  | 'INVITATION_NOT_PENDING'
  /** A pending invitation for this address and organization exists already; the payload lists it (resend it instead). */
  | 'INVITATION_PENDING'
  /** The change would leave the organization without a member holding the admin role. An organization's last admin may delete it instead. */
  | 'LAST_ADMIN'
  /** Neither `userIds` nor `emails` names anybody to add. */
  | 'MEMBERS_REQUIRED'
  /** A name is empty or only white space (including Unicode spaces and invisible characters). */
  | 'NAME_BLANK'
  /** A name has more than 128 characters (UTF-16 code units, as Logto counts them). */
  | 'NAME_TOO_LONG'
  /** The user is not a member of the organization. */
  | 'NOT_A_MEMBER'
  /** The new organization could not be set up, so it was deleted again; try again. */
  | 'ORGANIZATION_SETUP_FAILED'
  /** The member holds permissions that the caller does not, so the caller may not change their roles or remove them. */
  | 'OUTRANKED'
  /** A public mail provider's domain (such as `gmail.com`) cannot be a just-in-time domain: anyone could join. */
  | 'PUBLIC_EMAIL_DOMAIN'
  /** The new members could not be given their roles, so they were removed again; try again. */
  | 'ROLE_ASSIGNMENT_FAILED'
  /** This role grants permissions (organization or API) that the caller does not hold in the organization, so the caller may not grant it. */
  | 'ROLE_ESCALATION'
  /** This role is for machine-to-machine apps and cannot be given to users. */
  | 'ROLE_NOT_ASSIGNABLE'
  /** The organization template has no role with this id. */
  | 'ROLE_NOT_FOUND'
  /** A member must hold at least one role; to take every role away, remove the member. */
  | 'ROLE_REQUIRED'
  /** More than 50 email addresses in one request; invite them in several. */
  | 'TOO_MANY_EMAILS'
  /** More than 100 users in one request; add them in several. */
  | 'TOO_MANY_MEMBERS'
  /** No user has this id, or this primary email. */
  | 'USER_NOT_FOUND';

/** What happened to an invitation to the viewer. */
export type ViewerInvitationEventKind =
  /** An invitation to the viewer's email address was created. Service only. */
  | 'CREATED'
  /** Its email was sent again. Service only. */
  | 'RESENT'
  /** It was revoked. Service only. */
  | 'REVOKED';

/** What happened to one of the viewer's organizations. */
export type ViewerOrganizationEventKind =
  /** It was deleted. Webhook and service. */
  | 'DELETED'
  /** The viewer became a member: added, by accepting an invitation, or just in time. Webhook and service. */
  | 'JOINED'
  /** The viewer left it through this service. Service. */
  | 'LEFT'
  /** What the viewer's roles grant changed (the organization template). Webhook. */
  | 'PERMISSIONS_CHANGED'
  /** The viewer was removed from it by someone else. Webhook and service. */
  | 'REMOVED'
  /** The viewer's roles there changed. Service only: Logto announces no role change (see `orgbff.cache.max-staleness`). */
  | 'ROLES_CHANGED'
  /** Its name, description or custom data changed. Webhook and service. */
  | 'UPDATED';

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode };

export type ViewerOrganizationEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerOrganizationEventsSubscription = { viewerOrganizationEvents: { kind: ViewerOrganizationEventKind, organizationId: string, viewerPermissions: Array<string> } };

export type OrganizationEventsSubscriptionVariables = Exact<{
  organizationId: string | number;
}>;


export type OrganizationEventsSubscription = { organizationEvents: { kind: OrganizationEventKind, organizationId: string, userIds: Array<string> } };

export type ViewerInvitationEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerInvitationEventsSubscription = { viewerInvitationEvents: { kind: ViewerInvitationEventKind, invitation: { id: string } } };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { organizationTemplate: { roles: Array<{ id: string, name: string, description: string | null }> } };

export type JitQueryVariables = Exact<{
  id: string | number;
}>;


export type JitQuery = { organization: { id: string, jit: { emailDomains: Array<string>, roles: Array<{ id: string, name: string }> } | null } | null };

export type LandingInvitationQueryVariables = Exact<{
  id: string | number;
}>;


export type LandingInvitationQuery = { viewer: { user: { id: string, primaryEmail: string | null } }, invitation: { id: string, status: InvitationStatus, invitee: string, expiresAt: string, organization: { id: string, name: string, description: string | null }, inviter: { id: string, name: string | null } | null, roles: Array<{ name: string }> } | null };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { organization: { id: string, name: string, description: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type AddMembersMutationVariables = Exact<{
  input: AddOrganizationMembersInput;
}>;


export type AddMembersMutation = { addOrganizationMembers: { members: Array<{ user: { id: string } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateMemberRolesMutationVariables = Exact<{
  input: UpdateMemberRolesInput;
}>;


export type UpdateMemberRolesMutation = { updateMemberRoles: { member: { user: { id: string }, roles: Array<{ id: string, name: string }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveOrganizationMemberInput;
}>;


export type RemoveMemberMutation = { removeOrganizationMember: { removedUserId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ResendInvitationMutationVariables = Exact<{
  input: ResendInvitationInput;
}>;


export type ResendInvitationMutation = { resendInvitation: { invitation: { id: string, status: InvitationStatus, expiresAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type RevokeInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { invitation: { id: string, status: InvitationStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type DeclineInvitationMutationVariables = Exact<{
  input: DeclineInvitationInput;
}>;


export type DeclineInvitationMutation = { declineInvitation: { invitation: { id: string, status: InvitationStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateJitMutationVariables = Exact<{
  input: UpdateJitSettingsInput;
}>;


export type UpdateJitMutation = { updateJitSettings: { jit: { emailDomains: Array<string>, roles: Array<{ id: string, name: string }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type LeaveOrganizationMutationVariables = Exact<{
  input: LeaveOrganizationInput;
}>;


export type LeaveOrganizationMutation = { leaveOrganization: { leftOrganizationId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type DeleteOrganizationMutationVariables = Exact<{
  input: DeleteOrganizationInput;
}>;


export type DeleteOrganizationMutation = { deleteOrganization: { deletedOrganizationId: string, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type MembersQueryVariables = Exact<{
  id: string | number;
  query?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type MembersQuery = { organization: { id: string, members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { permissions: Array<string>, isViewer: boolean, user: { id: string, name: string | null, primaryEmail: string | null, avatar: string | null }, roles: Array<{ id: string, name: string }> } }> } | null } | null };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { organization: { id: string, name: string, viewerRoles: Array<{ name: string }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, name: string, viewerRoles: Array<{ name: string }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type InviteMembersMutationVariables = Exact<{
  input: InviteMembersInput;
}>;


export type InviteMembersMutation = { inviteMembers: { invitations: Array<{ id: string, invitee: string, status: InvitationStatus, expiresAt: string }>, pendingInvitations: Array<{ id: string, invitee: string }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type InviteeLandingQueryVariables = Exact<{ [key: string]: never; }>;


export type InviteeLandingQuery = { viewer: { pendingInvitations: Array<{ id: string, expiresAt: string, organization: { id: string, name: string, description: string | null }, inviter: { id: string, name: string | null } | null, roles: Array<{ name: string }> }> } };

export type OrganizationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationPageQuery = { organization: { id: string, name: string, description: string | null, viewerPermissions: Array<string>, viewerCan: { updateOrganization: boolean, deleteOrganization: boolean, addMembers: boolean, updateMemberRoles: boolean, removeMembers: boolean, leave: boolean }, members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { permissions: Array<string>, isViewer: boolean, user: { id: string, name: string | null, primaryEmail: string | null, avatar: string | null }, roles: Array<{ id: string, name: string }> } }> } | null, invitations: { totalCount: number, edges: Array<{ node: { id: string, invitee: string, expiresAt: string, inviter: { id: string, name: string | null } | null, roles: Array<{ name: string }> } }> } | null } | null };

export type SwitcherQueryVariables = Exact<{ [key: string]: never; }>;


export type SwitcherQuery = { viewer: { organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, viewerPermissions: Array<string>, viewerRoles: Array<{ id: string, name: string }> } }> } } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const ViewerOrganizationEventsDocument = {"__meta__":{"hash":"sha256:ba03d263fa0c0d7adb0e362624e7660634eed0ac6213427baa84b1ef6e95a5cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerOrganizationEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerOrganizationEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"}}]}}]}}]} as unknown as DocumentNode<ViewerOrganizationEventsSubscription, ViewerOrganizationEventsSubscriptionVariables>;
export const OrganizationEventsDocument = {"__meta__":{"hash":"sha256:6cf8a6e86b71304ac7270f30a9ff7102b4b64807c5e32a83b2425530b0d7f9ad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrganizationEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"userIds"}}]}}]}}]} as unknown as DocumentNode<OrganizationEventsSubscription, OrganizationEventsSubscriptionVariables>;
export const ViewerInvitationEventsDocument = {"__meta__":{"hash":"sha256:115a79c542229993de1a727c2a7ffed0d921675b16c396b8fbdb87ed4c9b3fd5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerInvitationEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerInvitationEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerInvitationEventsSubscription, ViewerInvitationEventsSubscriptionVariables>;
export const RolesDocument = {"__meta__":{"hash":"sha256:dae5fffb6734b1ca3d1ea0160941abe90a96f1bd76538f3fabbb027ad7559d83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const JitDocument = {"__meta__":{"hash":"sha256:af94c65a6d7b9123f144fc26379578396304068e7f5c1c1b80a4734f4d972cfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailDomains"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JitQuery, JitQueryVariables>;
export const LandingInvitationDocument = {"__meta__":{"hash":"sha256:5fe60df6324087db4f5b091a5f6ad3cef8fa4d1911f5b75fd4c7b3ebe5060dc9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LandingInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEmail"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitee"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<LandingInvitationQuery, LandingInvitationQueryVariables>;
export const UpdateOrganizationDocument = {"__meta__":{"hash":"sha256:8fde26fdd9286be7c0f2a1cc4310783ac3af6ddaf98bd0874bfbf79982e644c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const AddMembersDocument = {"__meta__":{"hash":"sha256:97ec390982ca5369a9bbdd0884df9f6f8e8bd56826f0e7122b804aa7330d959b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddOrganizationMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addOrganizationMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<AddMembersMutation, AddMembersMutationVariables>;
export const UpdateMemberRolesDocument = {"__meta__":{"hash":"sha256:2b1d2d3fc145e52a3b8009168f44a577a9035a664f74fda4b0d983b412cddf3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMemberRoles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberRolesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRoles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UpdateMemberRolesMutation, UpdateMemberRolesMutationVariables>;
export const RemoveMemberDocument = {"__meta__":{"hash":"sha256:0a11b1164ae1621b3b3e65b109eac612126c7342f3d93ab12aed6cb4e69972d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveOrganizationMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeOrganizationMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const ResendInvitationDocument = {"__meta__":{"hash":"sha256:2e8cc750ec6fe4082faa371bb36708e515f0c09b47b9f6b2a4f70a9f343895e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const RevokeInvitationDocument = {"__meta__":{"hash":"sha256:e21976f7d806ca580fe71029a87be4ca6afcaae25848029028152519f4e040cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const DeclineInvitationDocument = {"__meta__":{"hash":"sha256:2ab9bdc505cd8c860b79ebef793b41c36ac8df4701913e304c585b0700ecb1a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const UpdateJitDocument = {"__meta__":{"hash":"sha256:f267dc027aced579b786457bc66c30509532865c7a36f7aab75e40ec13d44ab4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateJit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateJitSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateJitSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailDomains"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UpdateJitMutation, UpdateJitMutationVariables>;
export const LeaveOrganizationDocument = {"__meta__":{"hash":"sha256:af8d078517d43f305d6fdc9e3cdc32b006865015a0ad03372d4fd9505b627b2c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leftOrganizationId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<LeaveOrganizationMutation, LeaveOrganizationMutationVariables>;
export const DeleteOrganizationDocument = {"__meta__":{"hash":"sha256:749bf2bf74bdaf4aae6fc61f46a2ae0d1cf171405a1867cd5f74db6b9d22970f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedOrganizationId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DeleteOrganizationMutation, DeleteOrganizationMutationVariables>;
export const MembersDocument = {"__meta__":{"hash":"sha256:da24ac98dec6a56311dbfae951e389329d425dc33f7d5699afcb1fd206b4729c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEmail"}},{"kind":"Field","name":{"kind":"Name","value":"avatar"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:48e9e0e27a612e2a3e2de7bd2fb599f27e3df2e18f5030ba0f21f11a42fbfbeb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const CreateOrganizationDocument = {"__meta__":{"hash":"sha256:bfb13f18690dc17a6ca9aeb56d1037d0a2bdf337cda43f8ab7648c8dca884a30"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const InviteMembersDocument = {"__meta__":{"hash":"sha256:9bf4a29adc55734bf7024746ab851fb093e1dec454b6e0e0baf94ac409fdfa03"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitee"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<InviteMembersMutation, InviteMembersMutationVariables>;
export const InviteeLandingDocument = {"__meta__":{"hash":"sha256:c9d1a7a5a997826cd7cd99fe63fa0b954e1430495b8a6dbfba0d1a67ec5a4f5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InviteeLanding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InviteeLandingQuery, InviteeLandingQueryVariables>;
export const OrganizationPageDocument = {"__meta__":{"hash":"sha256:e2e9ee2d80298fce9c8e013e65ca45762f5414848e99bb9065a0a7a2cb7f35bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"}},{"kind":"Field","name":{"kind":"Name","value":"deleteOrganization"}},{"kind":"Field","name":{"kind":"Name","value":"addMembers"}},{"kind":"Field","name":{"kind":"Name","value":"updateMemberRoles"}},{"kind":"Field","name":{"kind":"Name","value":"removeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"leave"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEmail"}},{"kind":"Field","name":{"kind":"Name","value":"avatar"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitee"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationPageQuery, OrganizationPageQueryVariables>;
export const SwitcherDocument = {"__meta__":{"hash":"sha256:13000dd5e63d71cfa5c88cbb3ead097cf828f291132e59a1f050d8ecd38c06d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Switcher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwitcherQuery, SwitcherQueryVariables>;