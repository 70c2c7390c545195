import { Alert, Anchor, Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDownload } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportPaths, type YearlyReport } from '../../../../../shared/contracts/reports';
import { paths } from '../../../../app/paths';
import { PageHeader } from '../../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate, formatDateTime } from '../../../../lib/dates';
import { ReasonModal } from '../../../evaluations/components/shared/reason-modal';
import { useDownloadReportFile } from '../../api/download-report-file';
import { useYearlyReport } from '../../api/get-yearly-report';
import { useStepYearlyReport } from '../../api/step-yearly-report';
import { ReportEditor } from './report-editor';
import { ReportFiguresCard } from './report-figures-card';
import { ReportStatusBadge } from './report-status-badge';

/** One yearly report: its committee writes and sends it, the committee above receives or returns it. */
export function YearlyReportPage() {
  const { t } = useTranslation('reports');
  const { reportId } = useParams({ from: '/authed/reports/yearly/$reportId' });
  const query = useYearlyReport(reportId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const editable = r.allowedActions.includes('save');
  return (
    <>
      <PageHeader title={t('yearly.reportTitle', { year: r.year, unit: r.unit.name })} subtitle={t('yearly.to', { superior: r.superior.name })} actions={<Downloads report={r} />} />
      <Stack gap="md">
        <Anchor renderRoot={(props) => <Link {...props} to={paths.yearlyReports} search={{ year: r.year }} />} size="sm">
          {t('yearly.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <ReportStatusBadge state={r.status} late={r.late} />
          {r.number && <Text>{t('yearly.number', { number: r.number })}</Text>}
          <Text size="sm" c="gray.7">
            {r.deadline ? t('yearly.deadline', { date: formatDate(r.deadline) }) : t('yearly.noDeadline')}
          </Text>
        </Group>
        {r.status === 'returned' && (
          <Alert color="red" title={t('yearly.returnedTitle')}>
            {r.returnReason}
          </Alert>
        )}
        <SuperiorActions report={r} />
        <ReportFiguresCard report={r} />
        {editable ? <ReportEditor key={r.status} report={r} /> : <ReportTexts report={r} />}
        <Card withBorder padding="md" component="section" aria-label={t('yearly.history')}>
          <Title order={3} fz="lg" mb="sm">
            {t('yearly.history')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {r.history.map((h, i) => (
              <Timeline.Item key={i} title={t(`yearly.action.${h.action.replace('yearly_report.', '')}`, { defaultValue: h.action })}>
                <Text size="sm" c="gray.7">
                  {formatDateTime(h.at)}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                </Text>
                {h.note && <Text size="sm">{h.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </Stack>
    </>
  );
}

function ReportTexts({ report }: { report: YearlyReport }) {
  const { t } = useTranslation('reports');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('yearly.texts')}>
      <Stack gap="sm">
        {(['results', 'problems', 'proposals', 'commendations'] as const).map((k) => (
          <Stack key={k} gap={2}>
            <Title order={4} fz="md">
              {t(`yearly.text.${k}`)}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {report[k] ?? t('yearly.none')}
            </Text>
          </Stack>
        ))}
        <Text size="sm">{report.signerName ? t('yearly.signedBy', { name: report.signerName, position: t(`yearly.position.${report.signerPosition ?? 'secretary'}`) }) : ''}</Text>
      </Stack>
    </Card>
  );
}

function SuperiorActions({ report }: { report: YearlyReport }) {
  const { t } = useTranslation('reports');
  const step = useStepYearlyReport(report.id);
  const [returning, setReturning] = useState(false);
  if (!report.allowedActions.includes('receive')) return null;
  return (
    <Card withBorder padding="md">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" style={{ flex: 1, minWidth: 200 }}>
          {t('yearly.decide')}
        </Text>
        <Button leftSection={<IconCheck size={16} />} color="green.8" loading={step.isPending && step.variables?.action === 'receive'} onClick={() => step.mutate({ action: 'receive' })}>
          {t('yearly.receive')}
        </Button>
        <Button leftSection={<IconArrowBackUp size={16} />} variant="default" onClick={() => setReturning(true)}>
          {t('yearly.return')}
        </Button>
      </Group>
      {step.error && !returning && (
        <Text c="red.8" size="sm" role="alert" mt="xs">
          {step.error.message}
        </Text>
      )}
      {returning && (
        <ReasonModal
          title={t('yearly.returnTitle')}
          label={t('yearly.returnReason')}
          minLength={10}
          confirmLabel={t('yearly.return')}
          loading={step.isPending}
          error={step.error}
          onClose={() => setReturning(false)}
          onConfirm={(reason) => step.mutate({ action: 'return', reason }, { onSuccess: () => setReturning(false) })}
        />
      )}
    </Card>
  );
}

function Downloads({ report }: { report: YearlyReport }) {
  const { t } = useTranslation('reports');
  const download = useDownloadReportFile();
  const get = (path: string, ext: string) => download.mutate({ path, fallbackName: `bao-cao-213-${report.year}.${ext}` });
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={download.isPending} onClick={() => get(reportPaths.yearlyPdf(report.id), 'pdf')}>
        {t('yearly.pdf')}
      </Button>
      <Button variant="subtle" onClick={() => get(reportPaths.yearlyDocx(report.id), 'docx')}>
        Word
      </Button>
      <Button variant="subtle" onClick={() => get(reportPaths.yearlyXlsx(report.id), 'xlsx')}>
        {t('yearly.annexExcel')}
      </Button>
    </Group>
  );
}
