import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';
import { saveFile } from '../shared/saveFile';

export type Import = Schemas['ImportView'];
export type ImportKind = Import['kind'];
export type RowError = Schemas['RowErrorView'];

const running = (status: string | undefined) => status === 'queued' || status === 'running';

export function useImports(offset: number, limit: number) {
  return useQuery({
    queryKey: ['imports', offset, limit],
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((i) => running(i.status)) ? 1500 : false),
    queryFn: async () =>
      asPage<Import>(
        await unwrap(api.GET('/api/v1/imports', { params: { query: pageQuery(offset, limit) } })),
      ),
  });
}

/** One import, read again while the worker is at it. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['import', id],
    enabled: !!id,
    refetchInterval: (query) => (!query.state.data || running(query.state.data.status) ? 1000 : false),
    queryFn: () =>
      unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id: id! } } })) as Promise<Import>,
  });
}

export function useImportErrors(item: Import | undefined) {
  return useQuery({
    queryKey: ['import', item?.id, 'errors'],
    enabled: !!item && !running(item.status) && item.errorRows > 0,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/imports/{id}/errors', {
            params: { path: { id: item!.id }, query: { format: 'json' } },
          }),
        )
      ).errors as RowError[],
  });
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, cohortId }: { kind: ImportKind; file: File; cohortId: string | null }) => {
      const form = new FormData();
      form.append('file', file);
      if (cohortId) form.append('cohortId', cohortId);
      const path = kind === 'roster' ? '/api/v1/imports/roster' : '/api/v1/imports/completions';
      return unwrap(api.POST(path, { body: form as never }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}

/** The API's files need the bearer token, so they come through the client and are saved from memory. */
export function useDownload() {
  return useMutation({
    mutationFn: async (what: { template: ImportKind } | { errorsOf: string }) => {
      const { data, response } =
        'template' in what
          ? await api.GET('/api/v1/imports/templates/{kind}', {
              params: { path: { kind: what.template } },
              parseAs: 'blob',
            })
          : await api.GET('/api/v1/imports/{id}/errors', {
              params: { path: { id: what.errorsOf }, query: { format: 'csv' } },
              parseAs: 'blob',
            });
      if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
      const name =
        'template' in what ? `${what.template}-template.csv` : `import-${what.errorsOf}-errors.csv`;
      saveFile(data as Blob, name);
    },
  });
}

export function useCohortChoices(programmeId: string | null) {
  return useQuery({
    queryKey: ['cohorts', 'choices', programmeId],
    enabled: !!programmeId,
    queryFn: async () =>
      asPage<Schemas['CohortView']>(
        await unwrap(
          api.GET('/api/v1/cohorts', {
            params: { query: { programmeId: programmeId!, ...pageQuery(0, 200) } },
          }),
        ),
      ),
  });
}
