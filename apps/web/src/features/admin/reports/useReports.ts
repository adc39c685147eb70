import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';

export type Report = Schemas['ReportView'];
export type NewReport = Schemas['CreateReportDto'];
export type ReportKind = Report['kind'];

export const REPORT_KINDS: ReportKind[] = [
  'programme-summary',
  'cohort-roster',
  'mentoring-activity',
  'certified-list',
  'data-quality',
  'cascade-analytics',
];
export const REPORT_FORMATS: Report['format'][] = ['csv', 'xlsx', 'pdf'];

const building = (status: string | undefined) => status === 'queued' || status === 'running';

export function useReports(offset: number, limit: number) {
  return useQuery({
    queryKey: ['reports', offset, limit],
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((r) => building(r.status)) ? 1500 : false),
    queryFn: async () =>
      asPage<Report>(
        await unwrap(api.GET('/api/v1/reports', { params: { query: pageQuery(offset, limit) } })),
      ),
  });
}

/** One report, read again while the worker builds it. */
export function useReport(id: string | null) {
  return useQuery({
    queryKey: ['report', id],
    enabled: !!id,
    refetchInterval: (query) => (!query.state.data || building(query.state.data.status) ? 1000 : false),
    queryFn: () =>
      unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id: id! } } })) as Promise<Report>,
  });
}

export function useRequestReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReport) => unwrap(api.POST('/api/v1/reports', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** A short-lived signed link needs no token, so the browser itself opens (downloads) the file. */
export function useDownloadReport() {
  return useMutation({
    mutationFn: async (id: string) => {
      const { url } = await unwrap(api.POST('/api/v1/reports/{id}/link', { params: { path: { id } } }));
      // The app is served by the API: open the link on this origin, whatever PUBLIC_URL names.
      const link = new URL(url);
      window.location.assign(link.pathname + link.search);
    },
  });
}

/** Who asked for a report: only an administrator may read users, so others see no name. */
export function useRequester(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['user', userId],
    enabled,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })),
  });
}

export function useRegions() {
  return useQuery({
    queryKey: ['regions', 'all'],
    staleTime: Infinity,
    queryFn: async () =>
      asPage<Schemas['Region']>(
        await unwrap(api.GET('/api/v1/regions', { params: { query: pageQuery(0, 100) } })),
      ),
  });
}
