import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilePlus, IconFileText } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hrefs } from '../../../../app/paths';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate } from '../../../../lib/dates';
import { useYearlyReports } from '../../api/list-yearly-reports';
import { useStartYearlyReport } from '../../api/start-yearly-report';
import { ReportStatusBadge } from './report-status-badge';

/** The committees the user writes the yearly report for: start it, or open it where it stands. */
export function MyReportsPanel({ year }: { year: number }) {
  const { t } = useTranslation('reports');
  const query = useYearlyReports(year);
  const start = useStartYearlyReport();
  const navigate = useNavigate();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState title={t('yearly.noUnits')} />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {query.data.items.map((item) => (
        <Card key={item.unit.id} withBorder padding="md" component="section" aria-label={item.unit.name}>
          <Stack gap="xs">
            <Title order={3} fz="lg">
              {item.unit.name}
            </Title>
            <Text size="sm" c="gray.7">
              {item.superior ? t('yearly.to', { superior: item.superior.name }) : t('yearly.noSuperior')}
            </Text>
            <Text size="sm">{item.deadline ? t('yearly.deadline', { date: formatDate(item.deadline) }) : t('yearly.noDeadline')}</Text>
            <Group gap="xs">
              <ReportStatusBadge state={item.report?.status ?? 'not_started'} late={item.report?.late} />
              {item.report?.number && <Text size="sm">{t('yearly.number', { number: item.report.number })}</Text>}
            </Group>
            {item.report ? (
              <Button component={Link} to={hrefs.yearlyReport(item.report.id)} leftSection={<IconFileText size={16} />} variant="light">
                {t('yearly.open')}
              </Button>
            ) : (
              <Button
                leftSection={<IconFilePlus size={16} />}
                disabled={!item.superior}
                loading={start.isPending && start.variables?.unitId === item.unit.id}
                onClick={() =>
                  start.mutate({ unitId: item.unit.id, year }, { onSuccess: (r) => void navigate({ to: hrefs.yearlyReport(r.id) }) })
                }
              >
                {t('yearly.start')}
              </Button>
            )}
            {start.error && start.variables?.unitId === item.unit.id && (
              <Text c="red.8" size="sm" role="alert">
                {start.error.message}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
