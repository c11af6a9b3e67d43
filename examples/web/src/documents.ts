// The app's documents beyond the canonical ones in schema/operations/ (switcher, organizationPage,
// createOrganization, inviteMembers, acceptInvitation, inviteeLanding): codegen types each of them.
import { graphql } from './gql';

/** What the app reads of every payload's user errors: where (`field`), what to show (`message`), why (`code`). */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);


export const ViewerOrganizationEventsDocument = graphql(`
  subscription ViewerOrganizationEvents {
    viewerOrganizationEvents {
      kind
      organizationId
      viewerPermissions
    }
  }
`);

export const OrganizationEventsDocument = graphql(`
  subscription OrganizationEvents($organizationId: ID!) {
    organizationEvents(organizationId: $organizationId) {
      kind
      organizationId
      userIds
    }
  }
`);

export const ViewerInvitationEventsDocument = graphql(`
  subscription ViewerInvitationEvents {
    viewerInvitationEvents {
      kind
      invitation {
        id
      }
    }
  }
`);

export const RolesDocument = graphql(`
  query Roles {
    organizationTemplate {
      roles {
        id
        name
        description
      }
    }
  }
`);

export const JitDocument = graphql(`
  query Jit($id: ID!) {
    organization(id: $id) {
      id
      jit {
        emailDomains
        roles {
          id
          name
        }
      }
    }
  }
`);

export const LandingInvitationDocument = graphql(`
  query LandingInvitation($id: ID!) {
    viewer {
      user {
        id
        primaryEmail
      }
    }
    invitation(id: $id) {
      id
      status
      invitee
      expiresAt
      organization {
        id
        name
        description
      }
      inviter {
        id
        name
      }
      roles {
        name
      }
    }
  }
`);

export const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
        description
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddMembersDocument = graphql(`
  mutation AddMembers($input: AddOrganizationMembersInput!) {
    addOrganizationMembers(input: $input) {
      members {
        user {
          id
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateMemberRolesDocument = graphql(`
  mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {
    updateMemberRoles(input: $input) {
      member {
        user {
          id
        }
        roles {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($input: RemoveOrganizationMemberInput!) {
    removeOrganizationMember(input: $input) {
      removedUserId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResendInvitationDocument = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      invitation {
        id
        status
        expiresAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeclineInvitationDocument = graphql(`
  mutation DeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateJitDocument = graphql(`
  mutation UpdateJit($input: UpdateJitSettingsInput!) {
    updateJitSettings(input: $input) {
      jit {
        emailDomains
        roles {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LeaveOrganizationDocument = graphql(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input) {
      leftOrganizationId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteOrganizationDocument = graphql(`
  mutation DeleteOrganization($input: DeleteOrganizationInput!) {
    deleteOrganization(input: $input) {
      deletedOrganizationId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const MembersDocument = graphql(`
  query Members($id: ID!, $query: String, $after: String) {
    organization(id: $id) {
      id
      members(first: 100, query: $query, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            user {
              id
              name
              primaryEmail
              avatar
            }
            roles {
              id
              name
            }
            permissions
            isViewer
          }
        }
      }
    }
  }
`);
