import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../../shared/contracts/jobs';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useJobs } from '../api/list-jobs';

/** Administrators: the periodic jobs shared by the servers, when each last ran and how (decision 0011). */
export function JobsTable() {
  const { t } = useTranslation('jobs');
  const query = useJobs();
  return (
    <Card withBorder mt="xl" component="section" aria-labelledby="jobs-title">
      <Title order={2} size="h4" id="jobs-title">
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('subtitle')}
      </Text>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-labelledby="jobs-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.every')}</Table.Th>
                <Table.Th>{t('fields.lastRun')}</Table.Th>
                <Table.Th>{t('fields.outcome')}</Table.Th>
                <Table.Th>{t('fields.nextRun')}</Table.Th>
                <Table.Th>{t('fields.runs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((job) => (
                <Table.Tr key={job.name}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`names.${job.name.replace(/\./g, '_')}`, { defaultValue: job.name })}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {job.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{interval(t, job.everyMs)}</Table.Td>
                  <Table.Td>{formatDateTime(job.lastFinishedAt ?? job.lastStartedAt)}</Table.Td>
                  <Table.Td>
                    <Outcome job={job} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(job.nextRunAt)}</Table.Td>
                  <Table.Td>{job.runs}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function interval(t: (key: string, o: { count: number }) => string, ms: number) {
  if (ms % 3_600_000 === 0) return t('everyHours', { count: ms / 3_600_000 });
  if (ms % 60_000 === 0) return t('everyMinutes', { count: ms / 60_000 });
  return t('everySeconds', { count: Math.round(ms / 1000) });
}

function Outcome({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  if (job.running)
    return (
      <Badge color="blue" variant="light" title={job.lockedBy ?? undefined}>
        {t('running')}
      </Badge>
    );
  if (job.runs === 0) return <Text size="sm">{t('neverRun')}</Text>;
  if (job.lastError)
    return (
      <>
        <Badge color="red" variant="light">
          {t('failed')}
        </Badge>
        <Text size="xs" c="red.8" ff="monospace" lineClamp={3}>
          {job.lastError}
        </Text>
      </>
    );
  return (
    <>
      <Badge color="green" variant="light">
        {t('succeeded')}
      </Badge>
      {job.lastResult != null && (
        <Text size="xs" c="dimmed" ff="monospace" lineClamp={2}>
          {JSON.stringify(job.lastResult)}
        </Text>
      )}
    </>
  );
}
