import {
  ActionIcon,
  Alert,
  Anchor,
  Card,
  Group,
  Image,
  Modal,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconFile,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconFileTypeXls,
  IconLock,
  IconPhoto,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_RULES,
  meetingPaths,
  type Attachment,
  type MeetingDetail,
} from '../../../../shared/contracts/meetings';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { formatDateTime } from '../../../lib/dates';
import { formatBytes } from '../../../lib/numbers';
import { useDeleteAttachment } from '../api/delete-attachment';
import { attachmentKind, type AttachmentKind } from '../lib/attachment-files';
import { AttachmentUpload } from './attachment-upload';

const kindIcons: Record<AttachmentKind, { icon: typeof IconFile; color: string }> = {
  image: { icon: IconPhoto, color: 'teal' },
  pdf: { icon: IconFileTypePdf, color: 'red' },
  word: { icon: IconFileTypeDocx, color: 'blue' },
  excel: { icon: IconFileTypeXls, color: 'green' },
  other: { icon: IconFile, color: 'gray' },
};

/**
 * Photos and files kept with the minutes (e.g. a photo of the signed paper minutes, the attendance sheet).
 * Whoever may write the minutes adds and removes them until the minutes lock; everyone who may read the
 * meeting sees and downloads them.
 */
export function AttachmentsCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [uploading, setUploading] = useState(false);
  const remove = useDeleteAttachment();
  // Same as the minutes themselves: the cell's manager, after the meeting, before the lock.
  const editable = m.canManage && m.status === 'held' && !m.minutesLocked;
  if (!m.canManage && m.attachments.length === 0) return null;

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(
      { id: m.id, attachmentId: removing.id },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('attachments.removed', { name: removing.fileName }),
          });
          setRemoving(null);
        },
      },
    );
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="attachments-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} fz="lg" id="attachments-title">
            {t('attachments.title')}
          </Title>
          {editable && (
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('attachments.count', { count: m.attachments.length, max: ATTACHMENT_RULES.maxPerMeeting })}
            </Text>
          )}
        </Group>
        {m.canManage && m.minutesLocked && (
          <Alert color="yellow" icon={<IconLock />} variant="light">
            {t('attachments.locked', { at: formatDateTime(m.minutesLockAt) })}
          </Alert>
        )}
        {m.attachments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('attachments.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {m.attachments.map((a) => (
              <AttachmentRow
                key={a.id}
                m={m}
                a={a}
                onPreview={() => setPreview(a)}
                onRemove={editable ? () => setRemoving(a) : undefined}
                busy={uploading || remove.isPending}
              />
            ))}
          </Stack>
        )}
        {editable && <AttachmentUpload m={m} onBusy={setUploading} busy={remove.isPending} />}
      </Stack>

      <Modal
        opened={!!preview}
        onClose={() => setPreview(null)}
        title={preview?.fileName}
        size="xl"
        centered
        styles={{ title: { overflowWrap: 'anywhere' } }}
      >
        {preview && (
          <Stack gap="sm">
            <Image
              src={meetingPaths.attachment(m.id, preview.id)}
              alt={preview.fileName}
              fit="contain"
              mah="70vh"
              radius="sm"
            />
            <Anchor href={meetingPaths.attachment(m.id, preview.id)} download={preview.fileName} size="sm">
              {t('attachments.download')}
            </Anchor>
          </Stack>
        )}
      </Modal>

      <ConfirmModal
        opened={!!removing}
        title={t('attachments.removeTitle')}
        message={removing ? t('attachments.removeMessage', { name: removing.fileName }) : undefined}
        confirmLabel={t('attachments.removeConfirm')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => {
          if (remove.isPending) return;
          remove.reset();
          setRemoving(null);
        }}
      >
        {remove.error && (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        )}
      </ConfirmModal>
    </Card>
  );
}

interface AttachmentRowProps {
  m: MeetingDetail;
  a: Attachment;
  onPreview: () => void;
  onRemove?: () => void;
  busy: boolean;
}

function AttachmentRow({ m, a, onPreview, onRemove, busy }: AttachmentRowProps) {
  const { t, i18n } = useTranslation('meetings');
  const url = meetingPaths.attachment(m.id, a.id);
  const kind = attachmentKind(a.mimeType);
  const { icon: Icon, color } = kindIcons[kind];

  return (
    <Paper withBorder p="xs" component="li" aria-label={a.fileName}>
      <Group gap="sm" wrap="nowrap" align="center">
        {kind === 'image' ? (
          <UnstyledButton
            onClick={onPreview}
            aria-label={t('attachments.view', { name: a.fileName })}
            style={{ flexShrink: 0 }}
          >
            <Image src={url} alt="" w={56} h={56} fit="cover" radius="sm" loading="lazy" />
          </UnstyledButton>
        ) : (
          <ThemeIcon
            variant="light"
            color={color}
            size={56}
            radius="sm"
            style={{ flexShrink: 0 }}
            aria-label={t(`attachments.kind.${kind}`)}
            role="img"
          >
            <Icon size={30} stroke={1.5} />
          </ThemeIcon>
        )}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor href={url} download={a.fileName} fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {a.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('attachments.meta', {
              kind: t(`attachments.kind.${kind}`),
              size: formatBytes(a.sizeBytes, i18n.language),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('attachments.by', { by: a.uploadedBy ?? '—', at: formatDateTime(a.createdAt) })}
          </Text>
        </Stack>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('attachments.remove', { name: a.fileName })}
            onClick={onRemove}
            disabled={busy}
            style={{ flexShrink: 0 }}
          >
            <IconTrash size={20} />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}
