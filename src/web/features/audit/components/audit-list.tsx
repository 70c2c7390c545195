import { Badge, Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useAudit, type AuditScope } from '../api/list-audit';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const hiddenFields = new Set(['updatedAt', 'createdAt', 'passwordHash', 'searchText', 'id']);

/** What changed between the stored before/after snapshots. */
export function diffEntry(entry: AuditEntry): Change[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: Change[] = [];
  for (const key of keys) {
    if (hiddenFields.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes.push({ field: key, before: before[key], after: after[key] });
  }
  return changes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function AuditList({ scope }: { scope: AuditScope }) {
  const { t } = useTranslation('audit');
  const query = useAudit(scope);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('empty')} />;

  return (
    <Stack gap="sm">
      {items.map((entry) => {
        const changes = diffEntry(entry);
        return (
          <Card key={entry.id} withBorder padding="sm">
            <Group gap="xs" mb={changes.length ? 'xs' : 0} wrap="wrap">
              <Text size="sm" fw={600}>
                {formatDateTime(entry.at)}
              </Text>
              <Badge variant="light">{t(`actions.${entry.action}`, { defaultValue: entry.action })}</Badge>
              <Text size="sm" c="dimmed">
                {t(`entities.${entry.entityType}`, { defaultValue: entry.entityType })}
              </Text>
              <Text size="sm">· {entry.actorName ?? t('system')}</Text>
            </Group>
            {changes.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table withRowBorders={false} verticalSpacing={2} fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('field')}</Table.Th>
                      <Table.Th>{t('before')}</Table.Th>
                      <Table.Th>{t('after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.slice(0, 30).map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Td>
                          <Code>{t(`fields.${c.field}`, { defaultValue: c.field })}</Code>
                        </Table.Td>
                        <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
                          {show(c.before)}
                        </Table.Td>
                        <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>
                          {show(c.after)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        );
      })}
      {query.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('common:actions.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
