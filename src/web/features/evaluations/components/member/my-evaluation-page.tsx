import { Button, Card, Stack, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { isWorkingMember } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { useMyEvaluations } from '../../api/get-my-evaluations';
import { useRuleSet } from '../../api/get-rule-set';
import { MyEvaluationCard } from './my-evaluation-card';
import { RequestMineModal } from './request-mine-modal';
import { SelfReportForm } from './self-report-form';

const lockingStatuses = ['signed', 'delivered', 'released', 'disputed'];

/**
 * The working member's year (phone-first): the self-report on the duties (Art. 2.7), where their comment
 * stands in plain words, asking for it themselves (no relatives chasing the secretary), the form once released.
 */
export function MyEvaluationPage() {
  const { t } = useTranslation('evaluations');
  const me = useCurrentUser();
  const query = useMyEvaluations();
  const ruleSet = useRuleSet(query.data?.ruleSetCode);
  const [asking, setAsking] = useState(false);

  if (!isWorkingMember(me)) return <EmptyState title={t('mine.notMember')} />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const yearly = m.items.find((i) => i.kind === 'yearly');
  const locked = !!yearly && lockingStatuses.includes(yearly.status);

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle', { year: m.year })} />
      {m.items.length === 0 && (
        <Card withBorder padding="md">
          <Text>{t('mine.none', { year: m.year })}</Text>
        </Card>
      )}
      {m.items.map((e) => (
        <MyEvaluationCard key={e.id} e={e} def={ruleSet.data} />
      ))}
      {m.canRequest && (
        <Button
          size="lg"
          variant="light"
          leftSection={<IconMessagePlus size={20} />}
          onClick={() => setAsking(true)}
          fullWidth
          // a long label wraps on a narrow phone rather than being cut
          h="auto"
          mih={50}
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        >
          {yearly ? t('requestMine.buttonOther') : t('requestMine.button')}
        </Button>
      )}
      <SelfReportForm key={m.year} year={m.year} duties={m.duties} report={m.selfReport} locked={locked} />
      {asking && (
        <RequestMineModal purposes={m.purposes} canAskYearly={!yearly} onClose={() => setAsking(false)} />
      )}
    </Stack>
  );
}
