import { Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFileTypeDocx } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { introductionPaths } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate, formatDateTime } from '../../../../lib/dates';
import { useCurrentUser } from '../../../auth/api/get-me';
import { useLetter } from '../../api/get-letter';
import { hubFor } from '../shared/hub-for';
import { LetterPdfButton } from '../shared/letter-pdf-button';
import { reasonLabel } from '../shared/reason-label';
import { LetterStatusBadge, OverdueBadge } from '../shared/status-badges';
import { LetterActions } from './letter-actions';
import { LetterTimeline } from './letter-timeline';

/** One introduction letter: what it says, where it stands, and the steps the reader may take now. */
export function LetterPage() {
  const { t } = useTranslation('introductions');
  const me = useCurrentUser();
  const { letterId } = useParams({ from: '/authed/introductions/letters/$letterId' });
  const query = useLetter(letterId);
  const hub = hubFor(me);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const l = query.data;
  const title = l.number ? t('letter.title', { number: l.number }) : t('letter.draftTitle');

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={hub.to}>
          {t(hub.label)}
        </Anchor>
        <Text size="sm">{l.memberName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">{title}</Title>
          <Group gap="xs">
            <LetterStatusBadge value={l.status} size="lg" />
            {l.overdue && <OverdueBadge issuedAt={l.issuedAt} />}
            {l.exempt && (
              <Text size="sm" c="yellow.9" fw={600}>
                {t('letter.exempt')}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <LetterPdfButton letterId={l.id} />
          <Button
            component="a"
            href={introductionPaths.letterDocx(l.id)}
            download
            variant="default"
            leftSection={<IconFileTypeDocx size={18} />}
          >
            {t('letter.docx')}
          </Button>
        </Group>
      </Group>

      <LetterActions letter={l} />

      {l.status === 'rejected' && (
        <Card withBorder bg="red.0" padding="sm">
          <Text fw={600} c="red.9">
            {t('letter.rejectedOn', { date: formatDate(l.rejectedAt) })}
          </Text>
          <Text size="sm">
            {l.rejectReason ? t(`enums:rejectReason.${l.rejectReason}`) : ''}
            {l.rejectNote ? `: ${l.rejectNote}` : ''}
          </Text>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('letter.sectionMember')}>
          <Field label={t('fields.member')}>
            <Anchor component={Link} to={hrefs.member(l.memberId)}>
              {l.memberName}
            </Anchor>
          </Field>
          <Field label={t('fields.cardNumber')}>{l.memberCardNumber}</Field>
          <Field label={t('fields.address')}>{l.residenceAddress}</Field>
        </Section>
        <Section title={t('letter.sectionRoute')}>
          <Field label={t('fields.issuer')}>{l.issuingUnitName}</Field>
          <Field label={t('fields.signer')}>{l.signerName}</Field>
          <Field label={t('fields.receivingCommune')}>{l.receivingCommuneName}</Field>
          <Field label={t('fields.residenceCell')}>
            {l.residenceCellName ??
              (l.suggestedCellName ? t('letter.suggested', { cell: l.suggestedCellName }) : null)}
          </Field>
        </Section>
        <Section title={t('letter.sectionDates')}>
          <Field label={t('letter.createdAt')}>{formatDateTime(l.createdAt)}</Field>
          <Field label={t('letter.issuedAt')}>{formatDateTime(l.issuedAt)}</Field>
          <Field label={t('letter.receivedAt')}>{formatDateTime(l.receivedAt)}</Field>
          <Field label={t('letter.placedAt')}>{formatDateTime(l.placedAt)}</Field>
          <Field label={t('letter.acknowledgedAt')}>{formatDateTime(l.acknowledgedAt)}</Field>
          {l.endedAt && (
            <Field label={t('letter.endedAt')}>
              {formatDateTime(l.endedAt)}
              {l.endReason ? ` — ${reasonLabel(t, l.endReason)}` : ''}
            </Field>
          )}
        </Section>
        <Section title={t('letter.sectionVerify')}>
          <Field label={t('letter.verificationCode')}>
            {l.verificationCode ? (
              <Text ff="monospace" fw={600} span>
                {l.verificationCode}
              </Text>
            ) : (
              t('letter.noCodeYet')
            )}
          </Field>
          {l.verifyUrl && (
            <Field label={t('letter.verifyLink')}>
              <Anchor href={l.verifyUrl} target="_blank" rel="noopener" style={{ wordBreak: 'break-all' }}>
                {l.verifyUrl}
              </Anchor>
            </Field>
          )}
        </Section>
      </SimpleGrid>

      {(l.previousLetterId || l.nextLetterId) && (
        <Group justify="space-between">
          {l.previousLetterId ? (
            <Button
              component={Link}
              to={hrefs.letter(l.previousLetterId)}
              variant="subtle"
              leftSection={<IconChevronLeft size={18} />}
            >
              {t('letter.previous')}
            </Button>
          ) : (
            <span />
          )}
          {l.nextLetterId && (
            <Button
              component={Link}
              to={hrefs.letter(l.nextLetterId)}
              variant="subtle"
              rightSection={<IconChevronRight size={18} />}
            >
              {t('letter.next')}
            </Button>
          )}
        </Group>
      )}

      <Card withBorder>
        <Title order={3} fz="lg" mb="sm">
          {t('letter.history')}
        </Title>
        <LetterTimeline letter={l} />
      </Card>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={{ base: 120, sm: 160 }} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children ?? '—'}
      </Text>
    </Group>
  );
}
