import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';

export type Institution = Schemas['Institution'];
export type NewInstitution = Schemas['CreateInstitutionDto'];
export type Course = Schemas['Course'];
export type NewCourse = Schemas['CreateCourseDto'];

const search = (q: string) => (q.trim() ? { q: q.trim() } : {});

export function useInstitutions(q: string, offset: number, limit: number) {
  return useQuery({
    queryKey: ['institutions', q, offset, limit],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<Institution>(
        await unwrap(
          api.GET('/api/v1/institutions', {
            params: { query: { ...search(q), ...pageQuery(offset, limit) } },
          }),
        ),
      ),
  });
}

export function useCourses(q: string, offset: number, limit: number) {
  return useQuery({
    queryKey: ['courses', q, offset, limit],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<Course>(
        await unwrap(
          api.GET('/api/v1/courses', { params: { query: { ...search(q), ...pageQuery(offset, limit) } } }),
        ),
      ),
  });
}

/** Creates, or with an id changes, an institution. */
export function useSaveInstitution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: NewInstitution }) =>
      id
        ? unwrap(api.PATCH('/api/v1/institutions/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/institutions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['institutions'] }),
  });
}

/** Creates, or with an id changes, a course. */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: NewCourse }) =>
      id
        ? unwrap(api.PATCH('/api/v1/courses/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/courses', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['courses'] }),
  });
}
