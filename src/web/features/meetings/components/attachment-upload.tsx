import { Alert, Button, FileButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCamera, IconPaperclip } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_RULES, type MeetingDetail } from '../../../../shared/contracts/meetings';
import { isApiError } from '../../../lib/api-client';
import { formatBytes } from '../../../lib/numbers';
import { useUploadAttachment } from '../api/upload-attachment';
import { ATTACHMENT_ACCEPT, checkAttachment } from '../lib/attachment-files';

const maxMb = ATTACHMENT_RULES.maxBytes / 1024 / 1024;

interface AttachmentUploadProps {
  m: MeetingDetail;
  /** tells the list to hold its delete buttons while files go up */
  onBusy: (busy: boolean) => void;
  busy: boolean;
}

/**
 * Picks photos and files (several at once, or one straight from the phone's camera), checks each before
 * sending, then sends them one after another so a weak connection carries one file at a time.
 */
export function AttachmentUpload({ m, onBusy, busy }: AttachmentUploadProps) {
  const { t, i18n } = useTranslation('meetings');
  const upload = useUploadAttachment();
  const [problems, setProblems] = useState<string[]>([]);
  const [step, setStep] = useState<{ index: number; total: number; name: string } | null>(null);
  const resetFiles = useRef<() => void>(null);
  const resetCamera = useRef<() => void>(null);
  const touch = useMediaQuery('(pointer: coarse)');
  const room = ATTACHMENT_RULES.maxPerMeeting - m.attachments.length;
  const sending = step !== null;

  const send = async (picked: File[]) => {
    resetFiles.current?.();
    resetCamera.current?.();
    if (picked.length === 0 || sending) return;
    const refused: string[] = [];
    const ready: File[] = [];
    for (const file of picked) {
      const problem = checkAttachment(file);
      if (problem)
        refused.push(
          t(`attachments.refused.${problem}`, {
            name: file.name,
            size: formatBytes(file.size, i18n.language),
            maxMb,
          }),
        );
      else ready.push(file);
    }
    if (ready.length > room) {
      refused.push(
        t('attachments.refused.tooMany', { max: ATTACHMENT_RULES.maxPerMeeting, count: ready.length - room }),
      );
      ready.splice(Math.max(room, 0));
    }
    setProblems(refused);
    if (ready.length === 0) return;

    onBusy(true);
    let sent = 0;
    for (const [i, file] of ready.entries()) {
      setStep({ index: i + 1, total: ready.length, name: file.name });
      try {
        await upload.mutateAsync({ id: m.id, file });
        sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        refused.push(t('attachments.refused.server', { name: file.name, message }));
        setProblems([...refused]);
        // locked, out of reach, or full: the next files would be refused the same way
        if (!isApiError(error) || ![413, 422].includes(error.status)) break;
      }
    }
    setStep(null);
    onBusy(false);
    if (sent > 0) notifications.show({ color: 'green', message: t('attachments.uploaded', { count: sent }) });
  };

  return (
    <Stack gap="xs">
      {problems.length > 0 && (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertTriangle />}
          title={t('attachments.refusedTitle')}
          withCloseButton
          closeButtonLabel={t('attachments.dismiss')}
          onClose={() => setProblems([])}
        >
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {step && (
        <Stack gap={4} role="status">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('attachments.uploading', step)}
          </Text>
          <Progress
            value={((step.index - 1) / step.total) * 100 + 100 / step.total / 2}
            animated
            striped
            aria-hidden
          />
        </Stack>
      )}
      {room > 0 ? (
        <Group gap="xs">
          <FileButton
            onChange={(files) => void send(files)}
            accept={ATTACHMENT_ACCEPT}
            multiple
            resetRef={resetFiles}
          >
            {(props) => (
              <Button
                {...props}
                size="md"
                leftSection={<IconPaperclip size={18} />}
                loading={sending}
                disabled={busy}
              >
                {t('attachments.add')}
              </Button>
            )}
          </FileButton>
          {touch && (
            <FileButton
              onChange={(file) => void send(file ? [file] : [])}
              accept="image/*"
              capture="environment"
              resetRef={resetCamera}
            >
              {(props) => (
                <Button
                  {...props}
                  size="md"
                  variant="light"
                  leftSection={<IconCamera size={18} />}
                  disabled={busy || sending}
                >
                  {t('attachments.camera')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('attachments.full', { max: ATTACHMENT_RULES.maxPerMeeting })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('attachments.hint', { maxMb, max: ATTACHMENT_RULES.maxPerMeeting })}
      </Text>
    </Stack>
  );
}
