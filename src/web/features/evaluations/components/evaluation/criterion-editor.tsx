import { Card, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Criterion,
  Evidence,
  RaisedFlag,
  RuleSetDefinition,
} from '../../../../../shared/rules/evaluation-rules';
import { toneColor, useLocalText } from '../../lib/rule-text';
import { EvidenceText } from '../shared/evidence-text';
import { FlagNote } from '../shared/flag-note';

interface CriterionEditorProps {
  index: number;
  criterion: Criterion;
  def: RuleSetDefinition;
  value: string | undefined;
  justification: string;
  flags: RaisedFlag[];
  evidence: Evidence | null;
  /** what the member wrote on the duties this criterion judges */
  selfReport: { number: number; text: string }[];
  ratingError?: string;
  justificationError?: string;
  disabled: boolean;
  onRate: (criterion: string, level: string) => void;
  onJustify: (criterion: string, text: string) => void;
}

/**
 * One criterion of the form, for an elderly secretary on a phone: its levels as large cards, the record
 * next to it, and when the rating contradicts the record, the flag and a required justification.
 */
export const CriterionEditor = memo(function CriterionEditor(props: CriterionEditorProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const { criterion: c, flags } = props;
  const label = lt(c.label);
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      id={`criterion-${c.key}`}
      aria-label={label}
      style={flags.length ? { borderColor: 'var(--mantine-color-orange-5)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Radio.Group
          value={props.value ?? null}
          onChange={(v) => props.onRate(c.key, v)}
          label={`${props.index + 1}. ${label}`}
          labelProps={{ fz: 'lg', fw: 700, lh: 1.35, mb: 4 }}
          description={
            <Stack gap={6}>
              <EvidenceText metrics={c.evidence} evidence={props.evidence} />
              {props.selfReport.map((s) => (
                <Text key={s.number} size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span fw={600} size="sm">
                    {t('form.memberWrote', { number: s.number })}
                  </Text>{' '}
                  “{s.text}”
                </Text>
              ))}
            </Stack>
          }
          descriptionProps={{ component: 'div', mb: 'sm', c: 'var(--mantine-color-text)' }}
          name={`rating-${c.key}`}
          error={props.ratingError}
          // no single input to mark invalid: the group is, for the focus to find its first level
          data-error-group={props.ratingError ? true : undefined}
        >
          <SimpleGrid cols={{ base: 1, sm: c.levels.length }} spacing={8}>
            {c.levels.map((l) => {
              const checked = props.value === l.key;
              const color = toneColor[l.tone];
              return (
                <Radio.Card
                  key={l.key}
                  value={l.key}
                  disabled={props.disabled}
                  radius="md"
                  p="sm"
                  mih={56}
                  style={{
                    display: 'flex',
                    alignItems: 'center',
                    borderWidth: 2,
                    borderColor: checked ? `var(--mantine-color-${color}-6)` : undefined,
                    background: checked ? `var(--mantine-color-${color}-0)` : undefined,
                    opacity: props.disabled ? 0.6 : 1,
                  }}
                >
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator color={color} size="md" />
                    <Text fw={checked ? 700 : 500} fz="md" lh={1.25}>
                      {lt(l.label)}
                    </Text>
                  </Group>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>
        <FlagNote def={props.def} flags={flags} />
        {(flags.length > 0 || props.justification || props.justificationError) && (
          <Textarea
            label={t('form.justification')}
            description={t('form.justificationHint')}
            required={flags.length > 0}
            autosize
            minRows={2}
            size="md"
            value={props.justification}
            onChange={(e) => props.onJustify(c.key, e.currentTarget.value)}
            error={props.justificationError}
            disabled={props.disabled}
          />
        )}
      </Stack>
    </Card>
  );
});
