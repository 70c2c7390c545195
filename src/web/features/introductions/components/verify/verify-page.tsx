import { Card, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../../../shared/contracts/introductions';
import { LanguageSwitcher } from '../../../../components/ui/language-switcher';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { isApiError } from '../../../../lib/api-client';
import { formatDate } from '../../../../lib/dates';
import { useVerifyLetter } from '../../api/verify-letter';

/** Public page behind the QR code printed on a letter or a confirmed evaluation form: is this paper authentic? No login needed. */
export function VerifyPage() {
  const { t } = useTranslation('introductions');
  const { code } = useParams({ from: '/verify/$code' });
  const query = useVerifyLetter(code);

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0" style={{ alignItems: 'flex-start' }}>
      <Stack w="100%" maw={520} gap="md" pt="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={800} c="red.8" fz={24}>
              Residence Link
            </Text>
            <Text c="dimmed" size="sm">
              {t('verify.subtitle')}
            </Text>
          </Stack>
          <LanguageSwitcher size="sm" />
        </Group>
        <Text size="sm" c="dimmed">
          {t('verify.code', { code })}
        </Text>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError && !isApiError(query.error, 404) ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <VerifyCard result={query.data ?? null} />
        )}
      </Stack>
    </Center>
  );
}

function VerifyCard({ result }: { result: VerifyResult | null }) {
  const { t } = useTranslation('introductions');
  if (result?.superseded) {
    return (
      <Verdict color="orange" icon={<IconAlertTriangle size={32} />} title={t('verify.evaluation.supersededTitle')}>
        <Text>{t('verify.evaluation.superseded', { version: result.version ?? '—' })}</Text>
        <EvaluationDetails result={result} />
      </Verdict>
    );
  }
  if (!result || (!result.valid && !result.altered)) {
    return (
      <Verdict color="red" icon={<IconCircleX size={32} />} title={t('verify.notFoundTitle')}>
        <Text>{t('verify.notFound')}</Text>
      </Verdict>
    );
  }
  const form = result.document === 'evaluation';
  const details = form ? <EvaluationDetails result={result} /> : <LetterDetails result={result} />;
  if (result.altered || !result.valid) {
    return (
      <Verdict color="orange" icon={<IconAlertTriangle size={32} />} title={t('verify.alteredTitle')}>
        <Text>{t(form ? 'verify.evaluation.altered' : 'verify.altered')}</Text>
        {details}
      </Verdict>
    );
  }
  return (
    <Verdict
      color="green"
      icon={<IconCircleCheck size={32} />}
      title={t(form ? 'verify.evaluation.validTitle' : 'verify.validTitle')}
    >
      <Text>{t(form ? 'verify.evaluation.valid' : 'verify.valid')}</Text>
      {details}
    </Verdict>
  );
}

function LetterDetails({ result }: { result: VerifyResult }) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap={6}>
      <Row label={t('verify.issuer')} value={result.issuer} />
      <Row label={t('verify.number')} value={result.number} />
      <Row label={t('verify.issuedOn')} value={formatDate(result.issuedOn)} />
      <Row
        label={t('verify.status')}
        value={result.status ? t(`enums:letterStatus.${result.status}`) : null}
      />
      <Row label={t('verify.member')} value={result.memberInitials} />
      <Row label={t('verify.commune')} value={result.receivingCommune} />
    </Stack>
  );
}

/** A confirmed evaluation form: one sentence that matches the paper, then the facts one by one. */
function EvaluationDetails({ result }: { result: VerifyResult }) {
  const { t } = useTranslation('introductions');
  if (result.altered) return null;
  return (
    <Stack gap={6}>
      <Text fw={600}>
        {t('verify.evaluation.summary', {
          year: result.year ?? '—',
          member: result.memberInitials ?? '—',
          commune: result.issuer ?? '—',
          date: formatDate(result.issuedOn),
        })}
      </Text>
      <Row label={t('verify.evaluation.year')} value={result.year !== null ? String(result.year) : null} />
      <Row label={t('verify.member')} value={result.memberInitials} />
      <Row label={t('verify.evaluation.confirmedBy')} value={result.issuer} />
      <Row label={t('verify.evaluation.confirmedOn')} value={formatDate(result.issuedOn)} />
      <Row
        label={t('verify.evaluation.version')}
        value={result.version !== null ? String(result.version) : null}
      />
      <Row label={t('verify.evaluation.workplace')} value={result.workplace} />
      <Row
        label={t('verify.status')}
        value={result.status ? t(`verify.evaluation.status.${result.status}`) : null}
      />
    </Stack>
  );
}

function Verdict(props: { color: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card
      withBorder
      padding="lg"
      bg={`${props.color}.0`}
      style={{ borderColor: `var(--mantine-color-${props.color}-6)`, borderWidth: 2 }}
      role="status"
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color={props.color} size={48} radius="xl">
            {props.icon}
          </ThemeIcon>
          <Title order={1} fz={22} c={`${props.color}.9`}>
            {props.title}
          </Title>
        </Group>
        {props.children}
      </Stack>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value ?? '—'}
      </Text>
    </Group>
  );
}
