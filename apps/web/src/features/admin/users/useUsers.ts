import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';
import type { Role } from '../../../api/session';

export type User = Omit<Schemas['UserView'], 'personId'> & { personId: string | null };
export type Person = Schemas['Person'];

export interface UserFilters {
  q: string;
  role: Role | null;
  active: boolean | null;
}

export function useUsers(filters: UserFilters, offset: number, limit: number) {
  return useQuery({
    queryKey: ['users', filters, offset, limit],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<User>(
        await unwrap(
          api.GET('/api/v1/users', {
            params: {
              query: {
                ...pageQuery(offset, limit),
                ...(filters.q ? { q: filters.q } : {}),
                ...(filters.role ? { role: filters.role } : {}),
                ...(filters.active === null ? {} : { active: filters.active }),
              },
            },
          }),
        ),
      ),
  });
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  personId?: string;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; active?: boolean }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id } } })),
  });
}

/** People whose name or email contains the text, for linking a login to its person. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'search', q],
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<Person>(
        await unwrap(api.GET('/api/v1/people', { params: { query: { q: q.trim(), ...pageQuery(0, 20) } } })),
      ),
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: ['person', id],
    enabled: !!id,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: id! } } }))).person as Person,
  });
}
