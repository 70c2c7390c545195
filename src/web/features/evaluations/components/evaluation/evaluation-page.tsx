import { Alert, Anchor, Breadcrumbs, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useCurrentUser } from '../../../auth/api/get-me';
import { useEvaluation } from '../../api/get-evaluation';
import { useRuleSet } from '../../api/get-rule-set';
import { proposalLevel, useLocalText } from '../../lib/rule-text';
import { evaluationListHref } from '../shared/evaluation-href';
import { CommuneActions } from './commune-actions';
import { DisputeModal } from './dispute-modal';
import { DisputesCard } from './disputes-card';
import { EvaluationHeader } from './evaluation-header';
import { FormDownloads } from './form-downloads';
import { FormEditor } from './form-editor';
import { FormView } from './form-view';
import { FrontSignCard } from './front-sign-card';
import { SelfReportCard } from './self-report-card';
import { VersionsCard } from './versions-card';
import { WorkplaceActions } from './workplace-actions';

/**
 * One evaluation, for every side: the cell secretary drafts and signs it, the Front head co-signs,
 * the commune confirms or returns, the workplace releases and handles disputes, the member reads and
 * disputes. What shows follows `allowedActions` and whether the reader may see the form's content.
 */
export function EvaluationPage() {
  const { t } = useTranslation('evaluations');
  const { evaluationId } = useParams({ from: '/authed/evaluations/$evaluationId' });
  const me = useCurrentUser();
  const query = useEvaluation(evaluationId);
  const ruleSet = useRuleSet(query.data?.ruleSetCode);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const back = evaluationListHref(me, d);

  return (
    <Stack gap="md" maw={880}>
      <Breadcrumbs>
        <Anchor component={Link} to={back.to}>
          {t(back.label)}
        </Anchor>
        <Text truncate maw={220}>
          {d.fullName}
        </Text>
      </Breadcrumbs>
      <EvaluationHeader d={d} def={ruleSet.data} />
      {ruleSet.isPending ? (
        <LoadingState />
      ) : ruleSet.isError ? (
        <ErrorState error={ruleSet.error} onRetry={() => void ruleSet.refetch()} />
      ) : (
        <EvaluationBody d={d} def={ruleSet.data} />
      )}
    </Stack>
  );
}

function EvaluationBody({ d, def }: { d: EvaluationDetail; def: RuleSetDefinition }) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const [disputing, setDisputing] = useState(false);
  // the member reading their own comment (someone on the residence or workplace side sees more)
  const own = d.sides.length === 1 && d.sides[0] === 'member';
  const residence = d.sides.some((s) => s === 'cell' || s === 'front' || s === 'commune');
  const answered = residence && d.proposalAnswer ? proposalLevel(def, d.proposal) : undefined;
  const can = (a: EvaluationDetail['allowedActions'][number]) => d.allowedActions.includes(a);
  const drafting = can('draft');

  return (
    <>
      {d.status === 'returned' && d.returnReason && !own && (
        <Alert color="orange" title={t('page.returnedTitle')}>
          {d.returnReason}
        </Alert>
      )}
      {d.underRevision && own && d.form && (
        <Alert color="orange" title={t('page.underRevisionTitle')}>
          {t('page.underRevision', { version: d.form.version })}
        </Alert>
      )}
      {d.status === 'cancelled' && (
        <Alert color="gray" title={t('page.cancelledTitle')}>
          {d.cancelReason}
        </Alert>
      )}
      {can('front_sign') && <FrontSignCard d={d} />}
      {(can('confirm') || can('return')) && <CommuneActions d={d} />}
      <WorkplaceActions d={d} def={def} />
      {answered && (
        <Alert color="indigo" title={t('page.proposalAnswerTitle')}>
          {t('page.proposalAnswer', {
            proposal: lt(answered.label),
            answer: t(`proposal.answers.${d.proposalAnswer}`),
          })}
          {d.proposalAnswerNote ? ` — ${d.proposalAnswerNote}` : ''}
        </Alert>
      )}
      {can('dispute') && (
        <Card withBorder padding="md" bg="grape.0" component="section" aria-label={t('dispute.title')}>
          <Stack gap="sm">
            <Text>{t('dispute.invite')}</Text>
            <Button
              size="lg"
              color="grape"
              variant="light"
              leftSection={<IconMessageReport size={20} />}
              onClick={() => setDisputing(true)}
            >
              {t('dispute.button')}
            </Button>
          </Stack>
        </Card>
      )}

      {drafting ? (
        <>
          <SelfReportCard report={d.selfReport} def={def} />
          <FormEditor key={`${d.id}:${d.version}`} d={d} def={def} />
        </>
      ) : d.form && Object.keys(d.form.ratings).length === 0 && !d.form.signedAt ? (
        <>
          <Card withBorder padding="md">
            <Title order={3} fz="lg" mb={4}>
              {t('form.title')}
            </Title>
            <Text c="dimmed">{t('page.notDrafted')}</Text>
          </Card>
          <SelfReportCard report={d.selfReport} def={def} />
        </>
      ) : d.form ? (
        <>
          <FormView form={d.form} def={def} formKind={d.formKind} liveEvidence={d.evidence} />
          {d.status !== 'cancelled' && d.form.signedAt && !(own && d.underRevision) && (
            <FormDownloads d={d} />
          )}
          {!own && <SelfReportCard report={d.selfReport} def={def} />}
        </>
      ) : (
        <>
          <Card withBorder padding="md">
            <Title order={3} fz="lg" mb={4}>
              {t('form.title')}
            </Title>
            <Text c="dimmed">{own ? t('page.hiddenFromMember') : t('page.hiddenFromWorkplace')}</Text>
          </Card>
          {!own && <SelfReportCard report={d.selfReport} def={def} />}
        </>
      )}
      <DisputesCard disputes={d.disputes} />
      <VersionsCard d={d} def={def} />
      {disputing && <DisputeModal d={d} onClose={() => setDisputing(false)} />}
    </>
  );
}
