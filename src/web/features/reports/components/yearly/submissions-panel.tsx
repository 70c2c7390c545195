import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarDue, IconDownload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportPaths, type Submissions } from '../../../../../shared/contracts/reports';
import { reportedStatuses } from '../../../../../shared/rules/yearly-report';
import { ActiveFilter } from '../../../../components/ui/active-filter';
import { hrefs } from '../../../../app/paths';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate, formatDateTime } from '../../../../lib/dates';
import { useDownloadReportFile } from '../../api/download-report-file';
import { useSubmissions } from '../../api/get-submissions';
import { DeadlineModal } from './deadline-modal';
import { ReportStatusBadge } from './report-status-badge';

export type SubmissionFilter = 'submitted' | 'late' | 'pending';

/** The committees a count on the home page stands for: the reports to receive, the late, those not reported yet. */
const filters: Record<SubmissionFilter, (i: Submissions['items'][number]) => boolean> = {
  submitted: (i) => i.state === 'submitted',
  late: (i) => i.late,
  pending: (i) => !(reportedStatuses as readonly string[]).includes(i.state),
};

/** The committee above: who reports to it, who has submitted, who is late; the deadline and the consolidated report. */
export function SubmissionsPanel({
  year,
  unitId,
  onUnit,
  state,
  onClearState,
}: {
  year: number;
  unitId?: string;
  onUnit: (id: string) => void;
  state?: SubmissionFilter;
  onClearState?: () => void;
}) {
  const { t } = useTranslation('reports');
  const query = useSubmissions({ unitId, year });
  const download = useDownloadReportFile();
  const [deadlineOpen, setDeadlineOpen] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const items = state ? s.items.filter(filters[state]) : s.items;
  const file = (format: 'pdf' | 'docx' | 'xlsx') =>
    download.mutate({
      path: format === 'pdf' ? reportPaths.consolidatedPdf : format === 'docx' ? reportPaths.consolidatedDocx : reportPaths.consolidatedXlsx,
      query: { unitId: s.superior.id, year: s.year },
      fallbackName: `bao-cao-tong-hop.${format}`,
    });
  const counts = [
    ['expected', s.counts.expected],
    ['received', s.counts.received],
    ['submitted', s.counts.submitted],
    ['returned', s.counts.returned],
    ['notStarted', s.counts.notStarted],
    ['late', s.counts.late],
  ] as const;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        {s.superiors.length > 1 ? (
          <Select
            label={t('submissions.superior')}
            data={s.superiors.map((u) => ({ value: u.id, label: u.name }))}
            value={s.superior.id}
            onChange={(v) => v && onUnit(v)}
            allowDeselect={false}
            maw={420}
          />
        ) : (
          <Title order={3} fz="lg">
            {s.superior.name}
          </Title>
        )}
        <Group gap="xs">
          <Button variant="default" leftSection={<IconCalendarDue size={16} />} onClick={() => setDeadlineOpen(true)}>
            {s.deadline ? t('submissions.changeDeadline') : t('submissions.setDeadline')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={download.isPending} onClick={() => file('pdf')}>
            {t('submissions.consolidatedPdf')}
          </Button>
          <Button variant="subtle" onClick={() => file('docx')}>
            Word
          </Button>
          <Button variant="subtle" onClick={() => file('xlsx')}>
            Excel
          </Button>
        </Group>
      </Group>
      <Text size="sm">{s.deadline ? t('submissions.deadline', { date: formatDate(s.deadline.dueDate), note: s.deadline.note ?? '' }) : t('submissions.noDeadline')}</Text>
      {download.error && (
        <Text c="red.8" size="sm" role="alert">
          {download.error.message}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {counts.map(([key, n]) => (
          <Card key={key} withBorder padding="sm">
            <Text size="sm" c="gray.7">
              {t(`submissions.count.${key}`)}
            </Text>
            <Text fz={24} fw={700} c={key === 'late' && n > 0 ? 'red.8' : undefined}>
              {n}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {state && onClearState && <ActiveFilter label={t(`home:filter.reports.${state}`)} onClear={onClearState} />}
      {items.length === 0 ? (
        <EmptyState title={state ? t('home:filter.empty') : t('submissions.none')} />
      ) : (
        <Card withBorder padding="sm">
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={560}>
            <Table striped verticalSpacing="xs" fz="sm" aria-label={t('submissions.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('submissions.unit')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.state')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.number')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.submittedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.unit.id}>
                    <Table.Th scope="row" fw={500}>
                      {i.reportId ? (
                        <Anchor component={Link} to={hrefs.yearlyReport(i.reportId)}>
                          {i.unit.name}
                        </Anchor>
                      ) : (
                        i.unit.name
                      )}
                    </Table.Th>
                    <Table.Td>
                      <ReportStatusBadge state={i.state} late={i.late} upward />
                    </Table.Td>
                    <Table.Td>{i.number ?? '—'}</Table.Td>
                    <Table.Td>{i.submittedAt ? formatDateTime(i.submittedAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {deadlineOpen && <DeadlineModal unitId={s.superior.id} year={s.year} current={s.deadline} onClose={() => setDeadlineOpen(false)} />}
    </Stack>
  );
}
