// The deployment's province (GET /api/v1/deployment): named in the header and the page title, with its
// emblem when the province supplied one (#14). Read once per visit; a failure shows no province.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DeploymentInfo } from '../../common/contracts/deployment.ts';
import { apiGet } from './http.ts';

export const deploymentQuery = queryOptions({
  queryKey: ['deployment'] as const,
  queryFn: ({ signal }) => apiGet<DeploymentInfo>('/api/v1/deployment', undefined, signal),
  staleTime: Infinity,
  retry: 1,
});

export type Province = DeploymentInfo['province'];

/** The province, or null while it loads, when it failed, or when none is configured. */
/** The deployment's province; undefined while it is being read (the header keeps its line meanwhile). */
export function useProvince(): Province | null | undefined {
  const read = useQuery(deploymentQuery);
  return read.isPending ? undefined : (read.data?.province ?? null);
}

/** "Sign in – Electronic one-stop information system – Thành phố Hà Nội". */
export function documentTitle(title: string, appName: string, province: string | null): string {
  return province ? `${title} – ${appName} – ${province}` : `${title} – ${appName}`;
}
