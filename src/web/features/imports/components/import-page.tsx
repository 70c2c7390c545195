import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../shared/contracts/imports';
import { memberPaths } from '../../../../shared/contracts/members';
import { paths } from '../../../app/paths';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { PageHeader } from '../../../components/ui/page-header';
import { useCommitImport, type ImportCommitMode } from '../api/commit-import';
import { useDiscardImport } from '../api/discard-import';
import { useImportJob } from '../api/get-import';
import { useUploadImport } from '../api/upload-import';

const accepted = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportPage() {
  const { t } = useTranslation('imports');
  const queryClient = useQueryClient();
  const upload = useUploadImport();
  const commit = useCommitImport();
  const discard = useDiscardImport();
  const [jobId, setJobId] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportCommitMode>('valid_only');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [dragging, setDragging] = useState(false);
  const jobQuery = useImportJob(jobId);
  const job: ImportJob | undefined = jobQuery.data ?? upload.data;

  const step = !job ? 0 : job.status === 'previewed' ? 1 : 2;

  const send = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (j) => {
        queryClient.setQueryData(['imports', j.id], j);
        setJobId(j.id);
        setMode(j.errorRows > 0 ? 'valid_only' : 'all_or_nothing');
      },
    });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0] ?? null);
  };

  const reset = () => {
    setJobId(null);
    upload.reset();
    commit.reset();
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('steps.upload')} />
        <Stepper.Step label={t('steps.preview')} />
        <Stepper.Step label={t('steps.commit')} />
      </Stepper>

      {step === 0 && (
        <Stack>
          <Card withBorder>
            <Group justify="space-between">
              <Stack gap={2}>
                <Text fw={600}>{t('template.title')}</Text>
                <Text size="sm" c="dimmed">
                  {t('template.text')}
                </Text>
              </Stack>
              <Button
                component="a"
                href={memberPaths.importTemplate}
                download
                variant="default"
                leftSection={<IconDownload size={18} />}
              >
                {t('template.download')}
              </Button>
            </Group>
          </Card>
          <Paper
            withBorder
            p="xl"
            style={{
              borderStyle: 'dashed',
              borderWidth: 2,
              borderColor: dragging ? 'var(--mantine-color-red-6)' : undefined,
              background: dragging ? 'var(--mantine-color-red-0)' : undefined,
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Stack align="center" gap="sm">
              <IconFileSpreadsheet size={48} stroke={1.3} color="var(--mantine-color-gray-6)" />
              <Text fw={500}>{t('drop.title')}</Text>
              <Text size="sm" c="dimmed">
                {t('drop.hint')}
              </Text>
              <FileButton onChange={send} accept={accepted}>
                {(props) => (
                  <Button
                    {...props}
                    leftSection={<IconUpload size={18} />}
                    loading={upload.isPending}
                    size="md"
                  >
                    {t('drop.choose')}
                  </Button>
                )}
              </FileButton>
            </Stack>
          </Paper>
          {upload.isError && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" title={t('drop.failed')}>
              {upload.error.message}
            </Alert>
          )}
        </Stack>
      )}

      {job && step === 1 && (
        <Stack>
          <Text>
            {t('preview.file')}: <b>{job.fileName}</b>
          </Text>
          <SimpleGrid cols={{ base: 3 }} spacing="sm">
            <Count label={t('preview.total')} value={job.totalRows} />
            <Count label={t('preview.valid')} value={job.validRows} color="green" />
            <Count
              label={t('preview.errors')}
              value={job.errorRows}
              color={job.errorRows ? 'red' : undefined}
            />
          </SimpleGrid>
          {job.errors.length > 0 && (
            <Card withBorder>
              <Title order={3} fz="md" mb="xs">
                {t('preview.errorTable')}
              </Title>
              <Table.ScrollContainer minWidth={480} mah={360}>
                <Table striped fz="sm" aria-label={t('preview.errorTable')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('preview.row')}</Table.Th>
                      <Table.Th>{t('preview.field')}</Table.Th>
                      <Table.Th>{t('preview.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {job.errors.map((e, i) => (
                      <Table.Tr key={`${e.rowNo}-${e.field}-${i}`}>
                        <Table.Td>{e.rowNo}</Table.Td>
                        <Table.Td>{t(`members:fields.${e.field}`, { defaultValue: e.field })}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
          <Radio.Group
            label={t('preview.mode')}
            value={mode}
            onChange={(v) => setMode(v as ImportCommitMode)}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="valid_only"
                label={t('preview.validOnly', { count: job.validRows })}
                disabled={job.validRows === 0}
              />
              <Radio
                value="all_or_nothing"
                label={t('preview.allOrNothing')}
                description={job.errorRows > 0 ? t('preview.allOrNothingDisabled') : undefined}
                disabled={job.errorRows > 0}
              />
            </Stack>
          </Radio.Group>
          <Group>
            <Button
              leftSection={<IconCheck size={18} />}
              loading={commit.isPending}
              disabled={job.validRows === 0 || (mode === 'all_or_nothing' && job.errorRows > 0)}
              onClick={() =>
                commit.mutate(
                  { id: job.id, mode },
                  { onSuccess: (j) => queryClient.setQueryData(['imports', j.id], j) },
                )
              }
            >
              {t('preview.commit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setConfirmDiscard(true)}>
              {t('preview.discard')}
            </Button>
          </Group>
        </Stack>
      )}

      {job && step === 2 && (
        <Stack>
          {job.status === 'committing' && (
            <Card withBorder>
              <Text mb="xs">{t('progress.running', { done: job.processedRows, total: job.totalRows })}</Text>
              <Progress
                value={job.totalRows ? (job.processedRows / job.totalRows) * 100 : 0}
                animated
                size="xl"
                aria-label={t('progress.label')}
              />
            </Card>
          )}
          {job.status === 'committed' && (
            <Alert color="green" icon={<IconCheck />} title={t('result.done')} role="status">
              <Stack gap={4}>
                <Text size="sm">{t('result.inserted', { count: job.insertedRows })}</Text>
                <Text size="sm">{t('result.updated', { count: job.updatedRows })}</Text>
                <Text size="sm">{t('result.unchanged', { count: job.unchangedRows })}</Text>
                {job.errorRows > 0 && <Text size="sm">{t('result.skipped', { count: job.errorRows })}</Text>}
              </Stack>
            </Alert>
          )}
          {(job.status === 'failed' || job.status === 'discarded') && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t(`result.${job.status}`)} role="alert">
              {job.error}
            </Alert>
          )}
          {job.status !== 'committing' && (
            <Group>
              <Button onClick={reset} variant="default">
                {t('result.again')}
              </Button>
              <Button component={Link} to={paths.members}>
                {t('result.toMembers')}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <ConfirmModal
        opened={confirmDiscard}
        title={t('preview.discardTitle')}
        message={t('preview.discardText')}
        confirmLabel={t('preview.discard')}
        loading={discard.isPending}
        onClose={() => setConfirmDiscard(false)}
        onConfirm={() =>
          job &&
          discard.mutate(job.id, {
            onSuccess: () => {
              setConfirmDiscard(false);
              reset();
            },
          })
        }
      />
    </>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}
