import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileSpreadsheet, IconSend } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../../../shared/contracts/evaluations';
import {
  classificationLevel,
  contradictsResidence,
  type RuleSetDefinition,
} from '../../../../../shared/rules/evaluation-rules';
import { useExplained } from '../../../../components/ui/explained';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useFocusFirstError } from '../../../../lib/use-form-check';
import { SearchField } from '../../../introductions/components/shared/search-field';
import { useSelection } from '../../../introductions/components/shared/use-selection';
import { useRuleSet } from '../../api/get-rule-set';
import { reviewXlsxUrl, useReview, type ReviewFilters } from '../../api/list-review';
import { useSaveClassifications } from '../../api/save-classifications';
import { criteriaOf, proposalLevel, toneColor, useLocalText } from '../../lib/rule-text';
import { readScore } from '../../lib/score';
import { EvaluationStatusBadge, FlagBadge } from '../shared/evaluation-badges';
import { hrefs } from '../../../../app/paths';
import { ReleaseModal } from './release-modal';

/** what is typed per member, as typed: a wrong score stays on screen with its reason, never cleared */
type Scores = Record<string, string>;

/**
 * Art. 3.4–3.5, the year-end review: each member's residence outcome next to the workplace's own score
 * (Reg. 366, 0–100) and level; a positive level next to a negative residence comment is marked "lệch".
 */
export function ReviewTable({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation('evaluations');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [contradictsOnly, setContradictsOnly] = useState(false);
  const filters: ReviewFilters = {
    unitId,
    year,
    contradictsOnly: contradictsOnly || undefined,
    q: q || undefined,
  };
  const query = useReview(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const def = useRuleSet(query.data?.pages[0]?.ruleSetCode).data;
  const [scores, setScores] = useState<Scores>({});
  const save = useSaveClassifications();
  const selection = useSelection(JSON.stringify(filters));
  const [releasing, setReleasing] = useState<{ id: string; fullName: string }[] | null>(null);
  const edited = Object.entries(scores).filter(([, text]) => text.trim() !== '');
  const readings = edited.map(([memberId, text]) => ({ memberId, reading: readScore(text) }));
  const releasable = items.filter((i) => i.status === 'delivered' && i.evaluationId);
  const { ref: tableRef, request: revealFirstError } = useFocusFirstError<HTMLDivElement>();
  const saveExplained = useExplained(edited.length === 0 ? t('review.nothingTyped') : null);

  const saveScores = () => {
    const valid = readings.flatMap(({ memberId, reading }) =>
      reading && 'score' in reading ? [{ memberId, score: reading.score }] : [],
    );
    if (valid.length < readings.length) return revealFirstError();
    save.mutate(
      { year, items: valid },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('review.saved', { count: r.saved }) });
          setScores({});
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SearchField value={search} onChange={setSearch} minWidth={200} />
        <Switch
          label={t('review.contradictsOnly')}
          checked={contradictsOnly}
          onChange={(e) => setContradictsOnly(e.currentTarget.checked)}
          pb={8}
        />
        <Anchor href={reviewXlsxUrl(filters)} download pb={8}>
          <Group gap={4} wrap="nowrap">
            <IconFileSpreadsheet size={18} />
            {t('review.excel')}
          </Group>
        </Anchor>
      </Group>
      <Group gap="xs">
        <Button
          leftSection={<IconDeviceFloppy size={18} />}
          loading={save.isPending}
          onClick={saveScores}
          {...saveExplained.props}
        >
          {t('review.saveScores', { count: edited.length })}
        </Button>
        {saveExplained.note}
        <Button
          variant="light"
          leftSection={<IconSend size={18} />}
          disabled={selection.size === 0}
          onClick={() =>
            setReleasing(
              releasable
                .filter((i) => selection.has(i.evaluationId!))
                .map((i) => ({ id: i.evaluationId!, fullName: i.fullName })),
            )
          }
        >
          {t('review.releaseSelected', { count: selection.size })}
        </Button>
      </Group>
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('review.empty')}
        shown={t('shown', { count: items.length })}
      >
        <Table.ScrollContainer minWidth={1080} ref={tableRef}>
          <Table striped verticalSpacing="xs" aria-label={t('review.title')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('review.selectAll')}
                    checked={releasable.length > 0 && releasable.every((i) => selection.has(i.evaluationId!))}
                    indeterminate={selection.size > 0 && selection.size < releasable.length}
                    disabled={releasable.length === 0}
                    onChange={(e) =>
                      e.currentTarget.checked
                        ? selection.set(releasable.map((i) => i.evaluationId!))
                        : selection.clear()
                    }
                  />
                </Table.Th>
                <Table.Th>{t('fields.member')}</Table.Th>
                <Table.Th>{t('review.residence')}</Table.Th>
                <Table.Th>{t('review.proposal')}</Table.Th>
                <Table.Th w={120}>{t('review.score')}</Table.Th>
                <Table.Th>{t('review.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <ReviewRow
                  key={i.memberId}
                  item={i}
                  def={def}
                  score={scores[i.memberId]}
                  onScore={(v) => setScores((p) => ({ ...p, [i.memberId]: v }))}
                  selected={!!i.evaluationId && selection.has(i.evaluationId)}
                  onSelect={() => i.evaluationId && selection.toggle(i.evaluationId)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </InfiniteListState>
      {releasing && (
        <ReleaseModal
          evaluations={releasing}
          onClose={() => setReleasing(null)}
          onDone={() => {
            selection.clear();
            setReleasing(null);
          }}
        />
      )}
    </Stack>
  );
}

interface ReviewRowProps {
  item: ReviewItem;
  def: RuleSetDefinition | undefined;
  score: string | undefined;
  onScore: (value: string) => void;
  selected: boolean;
  onSelect: () => void;
}

function ReviewRow({ item: i, def, score, onScore, selected, onSelect }: ReviewRowProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const editing = score !== undefined;
  const value = editing ? score : i.score === null ? '' : String(i.score).replace('.', ',');
  const reading = editing ? readScore(score) : null;
  const numeric = reading && 'score' in reading ? reading.score : null;
  const problem =
    reading && 'problem' in reading
      ? t(`common:validation.score.${reading.problem}`, { value: score })
      : null;
  // the level and the "at odds" mark follow what is typed, by the same rules as the server
  const levelKey = editing
    ? def && numeric !== null
      ? (classificationLevel(def, numeric)?.key ?? null)
      : null
    : i.level;
  const levelDef = def?.classification.levels.find((l) => l.key === levelKey);
  const levelLabel = levelDef ? lt(levelDef.label) : (levelKey ?? '—');
  const contradicts =
    editing && def ? contradictsResidence(def, numeric, i.formKind, i.ratings) : i.contradicts;
  const proposal = def ? proposalLevel(def, i.proposal) : undefined;
  return (
    <Table.Tr bg={contradicts ? 'red.0' : selected ? 'blue.0' : undefined}>
      <Table.Td>
        <Checkbox
          aria-label={t('list.select', { name: i.fullName })}
          checked={selected}
          disabled={i.status !== 'delivered' || !i.evaluationId}
          onChange={onSelect}
        />
      </Table.Td>
      <Table.Td>
        {i.evaluationId ? (
          <Anchor component={Link} to={hrefs.evaluation(i.evaluationId)} fw={600}>
            {i.fullName}
          </Anchor>
        ) : (
          <Text fw={600}>{i.fullName}</Text>
        )}
        <Text size="xs" c="dimmed">
          {i.workplaceCellName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap={4}>
            <EvaluationStatusBadge value={i.status} size="sm" />
            {i.flags.length > 0 && <FlagBadge count={i.flags.length} size="sm" />}
          </Group>
          {def && i.ratings && i.formKind && (
            <Group gap={4}>
              {criteriaOf(def, i.formKind)
                .filter((c) => !c.proposal)
                .map((c) => {
                  const l = c.levels.find((x) => x.key === i.ratings![c.key]);
                  return l ? (
                    <Tooltip key={c.key} label={lt(c.label)} withinPortal>
                      <Badge size="sm" variant="light" color={toneColor[l.tone]} tt="none">
                        {lt(l.label)}
                      </Badge>
                    </Tooltip>
                  ) : null;
                })}
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td fz="sm">{proposal && i.proposal !== 'none' ? lt(proposal.label) : '—'}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('review.scoreOf', { name: i.fullName })}
          inputMode="decimal"
          value={value}
          onChange={(e) => onScore(e.currentTarget.value)}
          error={problem}
          w={problem ? 180 : 90}
          styles={
            editing && !problem ? { input: { borderColor: 'var(--mantine-color-yellow-6)' } } : undefined
          }
        />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{levelLabel}</Text>
          {contradicts && (
            <Tooltip label={t('review.contradictsHint')} withinPortal>
              <Badge color="red" variant="filled">
                {t('review.contradicts')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
