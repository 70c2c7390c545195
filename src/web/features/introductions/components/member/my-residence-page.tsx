import { Alert, Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconHomeMove, IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyResidence } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { CategoryBadge } from '../../../../components/ui/enum-badges';
import { PageHeader } from '../../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate } from '../../../../lib/dates';
import { useMyResidence } from '../../api/get-my-residence';
import { LetterPdfButton } from '../shared/letter-pdf-button';
import { LetterStatusBadge, StageBadge } from '../shared/status-badges';
import { CellContactCard } from './cell-contact-card';
import { MoveFormModal } from './move-form-modal';

/** The working member's own view (phone-first): where the hand-off stands and whom to contact. */
export function MyResidencePage() {
  const { t } = useTranslation('introductions');
  const query = useMyResidence();
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('mine.title')} subtitle={m.fullName} />
      {moved && (
        <Alert
          color="green"
          title={t('mine.moveDoneTitle')}
          withCloseButton
          onClose={() => setMoved(false)}
          role="status"
        >
          {t('mine.moveDone')}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size="xl" variant="light" radius="xl" visibleFrom="xs">
            <IconInfoCircle />
          </ThemeIcon>
          <Stack gap={6}>
            <Group gap="xs">
              <StageBadge value={m.stage} size="lg" />
              <CategoryBadge value={m.category} />
            </Group>
            <Text>{t(`mine.stage.${m.stage}`)}</Text>
            <Text size="sm" c="dimmed">
              {t('mine.address', { address: m.residenceAddress || '—' })}
            </Text>
          </Stack>
        </Group>
      </Card>

      <CurrentLetter m={m} />

      {m.cell ? (
        <CellContactCard cell={m.cell} />
      ) : (
        <Card withBorder padding="md">
          <Title order={3} fz="lg" mb={4}>
            {t('mine.cellTitle')}
          </Title>
          <Text c="dimmed">{t('mine.notPlaced')}</Text>
        </Card>
      )}

      <Button
        size="lg"
        variant="light"
        leftSection={<IconHomeMove />}
        onClick={() => setMoving(true)}
        fullWidth
      >
        {t('mine.reportMove')}
      </Button>

      <History m={m} />

      {moving && (
        <MoveFormModal
          onClose={() => setMoving(false)}
          onDone={() => {
            setMoving(false);
            setMoved(true);
          }}
        />
      )}
    </Stack>
  );
}

function CurrentLetter({ m }: { m: MyResidence }) {
  const { t } = useTranslation('introductions');
  const l = m.currentLetter;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="lg" mb="xs">
        {t('mine.letterTitle')}
      </Title>
      {!l ? (
        <Text c="dimmed">{t('mine.noLetter')}</Text>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={700} fz="lg">
              {l.number ?? t('letter.draftLabel')}
            </Text>
            <LetterStatusBadge value={l.status} />
          </Group>
          <Text size="sm">
            {l.issuingUnitName} → {l.receivingCommuneName}
          </Text>
          <Text size="sm" c="dimmed">
            {t('mine.letterDates', {
              issued: formatDate(l.issuedAt),
              received: formatDate(l.receivedAt),
              placed: formatDate(l.placedAt),
            })}
          </Text>
          {l.status !== 'draft' && (
            <Group gap="xs">
              <LetterPdfButton letterId={l.id} size="md" />
              <Anchor component={Link} to={hrefs.letter(l.id)} size="sm">
                {t('mine.letterDetails')}
              </Anchor>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}

function History({ m }: { m: MyResidence }) {
  const { t } = useTranslation('introductions');
  if (m.residenceHistory.length === 0 && m.moves.length === 0 && m.letters.length <= 1) return null;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="lg" mb="sm">
        {t('mine.historyTitle')}
      </Title>
      <Stack gap="md">
        {m.residenceHistory.length > 0 && (
          <Timeline bulletSize={14} lineWidth={2} active={m.residenceHistory.length}>
            {m.residenceHistory.map((h, i) => (
              <Timeline.Item key={`${h.unitName}-${i}`} title={h.unitName}>
                <Text size="sm" c="dimmed">
                  {formatDate(h.validFrom)} – {h.validTo ? formatDate(h.validTo) : t('mine.now')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {m.moves.length > 0 && (
          <Stack gap={6}>
            <Text fw={600}>{t('mine.movesTitle')}</Text>
            {m.moves.map((mv) => (
              <Text key={mv.id} size="sm">
                {formatDate(mv.movedOn)}: {mv.fromAddress ?? '—'} → {mv.toAddress}
              </Text>
            ))}
          </Stack>
        )}
        {m.letters.length > 1 && (
          <Stack gap={6}>
            <Text fw={600}>{t('mine.lettersTitle')}</Text>
            {m.letters.map((l) => (
              <Group key={l.id} gap="xs">
                <Anchor component={Link} to={hrefs.letter(l.id)} size="sm">
                  {l.number ?? t('letter.draftLabel')}
                </Anchor>
                <Text size="sm">{l.receivingCommuneName}</Text>
                <LetterStatusBadge value={l.status} size="sm" />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
