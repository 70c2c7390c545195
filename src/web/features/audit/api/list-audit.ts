import { useInfiniteQuery } from '@tanstack/react-query';
import { auditListSchema, auditPaths } from '../../../../shared/contracts/audit';
import { apiRequest } from '../../../lib/api-client';

export type AuditScope = { entityType: string; entityId: string } | { unitId: string };

export function listAudit(scope: AuditScope, cursor?: string) {
  return apiRequest(auditPaths.list, { query: { ...scope, cursor }, schema: auditListSchema });
}

export function useAudit(scope: AuditScope, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['audit', scope],
    queryFn: ({ pageParam }) => listAudit(scope, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
