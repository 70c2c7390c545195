import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconMessages, IconSend, IconThumbUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { useReleaseEvaluations } from '../../api/release-evaluations';
import { proposalLevel, useLocalText } from '../../lib/rule-text';
import { CancelModal } from './cancel-modal';
import { DialogueModal } from './dialogue-modal';
import { ProposalAnswerModal } from './proposal-answer-modal';

type Dialog = 'release' | 'proposal' | 'dialogue' | 'cancel' | null;

/**
 * Art. 3.4–3.5, the workplace committee: release the comment to the member, answer the cell's proposal,
 * record the dialogue on a dispute, or withdraw a request the cell has not signed.
 */
export function WorkplaceActions({ d, def }: { d: EvaluationDetail; def: RuleSetDefinition }) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const release = useReleaseEvaluations();
  const can = (a: EvaluationDetail['allowedActions'][number]) => d.allowedActions.includes(a);
  const proposal = proposalLevel(def, d.proposal);
  const classLevel = def.classification.levels.find((l) => l.key === d.classification?.level);
  const showsProposal = !!proposal && d.proposal !== 'none';
  const acts = can('release') || can('answer_proposal') || can('uphold') || can('revise') || can('cancel');
  if (!d.sides.includes('workplace') || !(acts || d.classification || showsProposal)) return null;

  return (
    <Card withBorder padding="md" component="section" aria-label={t('workplace.actionsTitle')} bg="indigo.0">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('workplace.actionsTitle')}
        </Title>
        {d.classification && (
          <Group gap="xs">
            <Text>
              {t('workplace.classification', {
                score: d.classification.score,
                level: classLevel ? lt(classLevel.label) : d.classification.level,
              })}
            </Text>
            {d.classification.contradicts && (
              <Badge color="red" variant="filled">
                {t('review.contradicts')}
              </Badge>
            )}
          </Group>
        )}
        {d.classification?.contradicts && <Alert color="red">{t('workplace.contradictsText')}</Alert>}
        {showsProposal && (
          <Text>
            {t('workplace.proposal', { proposal: lt(proposal.label) })}{' '}
            {d.proposalAnswer ? (
              <Text span fw={600}>
                {t('workplace.proposalAnswered', { answer: t(`proposal.answers.${d.proposalAnswer}`) })}
                {d.proposalAnswerNote ? ` — ${d.proposalAnswerNote}` : ''}
              </Text>
            ) : (
              <Text span c="orange.9" fw={600}>
                {t('workplace.proposalOpen')}
              </Text>
            )}
          </Text>
        )}
        {release.error && (
          <Alert color="red" role="alert">
            {release.error.message}
          </Alert>
        )}
        <Group gap="sm">
          {can('release') && (
            <Button leftSection={<IconSend size={18} />} onClick={() => setDialog('release')}>
              {t('workplace.release')}
            </Button>
          )}
          {can('answer_proposal') && (
            <Button
              variant="light"
              leftSection={<IconThumbUp size={18} />}
              onClick={() => setDialog('proposal')}
            >
              {t('workplace.answerProposal')}
            </Button>
          )}
          {(can('uphold') || can('revise')) && (
            <Button
              color="grape"
              leftSection={<IconMessages size={18} />}
              onClick={() => setDialog('dialogue')}
            >
              {t('workplace.recordDialogue')}
            </Button>
          )}
          {can('cancel') && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconBan size={18} />}
              onClick={() => setDialog('cancel')}
            >
              {t('workplace.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={dialog === 'release'}
        title={t('release.title', { count: 1 })}
        message={t('release.one', { name: d.fullName })}
        confirmLabel={t('release.submit')}
        color="blue"
        loading={release.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          void release
            .mutateAsync({ evaluationIds: [d.id] })
            .then((r) =>
              notifications.show({
                color: 'green',
                message: t('release.done', { changed: r.changed, repeated: r.repeated }),
              }),
            )
            .catch(() => undefined)
            .finally(() => setDialog(null))
        }
      />
      {dialog === 'proposal' && proposal && (
        <ProposalAnswerModal d={d} proposal={lt(proposal.label)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'dialogue' && <DialogueModal d={d} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelModal d={d} onClose={() => setDialog(null)} />}
    </Card>
  );
}
