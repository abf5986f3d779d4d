import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Person = Schemas['UserResponse'];
export type InvitationOutcome = Schemas['InvitationOutcomeResponse'];
export type CreatedPerson = Schemas['CreatedUserResponse'];
export type Role = Schemas['Role'];
export type Organization = Schemas['OrganizationResponse'];
export type OrganizationKind = Schemas['OrganizationKind'];
export type MembershipStatus = Schemas['MembershipStatus'];
export const ROLES: Role[] = ['admin', 'coordinator', 'member', 'viewer'];
export const ORGANIZATION_KINDS: OrganizationKind[] = ['cso', 'un_agency', 'government', 'funder', 'network', 'other'];
export const MEMBERSHIP_STATUSES: MembershipStatus[] = ['active', 'observer', 'former'];

export function usePeople(q: string) {
  return useQuery({
    queryKey: queryKeys.admin.users(q),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100, ...(q ? { q } : {}) } } })),
  });
}

/**
 * Invites a person: the server e-mails them a link to set their password, in their language, or, with no
 * e-mail set up, answers the link itself (`invitation.delivery` 'link') for the admin to hand over.
 */
export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.admin.allUsers }),
  });
}

/** A new invitation for someone who has not accepted yet (the earlier link stops working). */
export function useResendInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/invitation', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.admin.allUsers }),
  });
}

/** Changes a role, or disables / re-enables an account (the server ends that person's sessions). */
export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Schemas['UpdateUserDto']) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.admin.allUsers }),
  });
}

export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateOrganizationDto']) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

/**
 * Changes an organisation's details. An optional field sent as null is cleared (the API's PATCH takes
 * null where the create DTO's field is optional).
 */
export function useUpdateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) =>
      unwrap(
        api.PATCH('/api/v1/organizations/{id}', {
          params: { path: { id } },
          body: body as Schemas['UpdateOrganizationDto'],
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
