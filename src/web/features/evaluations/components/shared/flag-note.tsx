import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { useLocalText } from '../../lib/rule-text';

interface FlagNoteProps {
  def: RuleSetDefinition;
  flags: { code: string }[];
  /** the written justification, when the form is read rather than edited */
  justification?: string | null;
}

/** A rating that contradicts the record: the rule set's words for it, and the cell's explanation. */
export function FlagNote({ def, flags, justification }: FlagNoteProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  if (flags.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('flags.title')} p="sm">
      {flags.map((f) => {
        const rule = def.flags.find((r) => r.code === f.code);
        return (
          <Text key={f.code} size="sm">
            {rule ? lt(rule.label) : f.code}
          </Text>
        );
      })}
      {justification !== undefined && (
        <Text size="sm" mt={6}>
          <Text span fw={600}>
            {t('flags.justification')}
          </Text>{' '}
          {justification || t('flags.noJustification')}
        </Text>
      )}
    </Alert>
  );
}
