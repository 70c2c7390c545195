import { Alert, Button, Group, List, Spoiler, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { introductionPaths, type CreateLettersResponse } from '../../../../../shared/contracts/introductions';

/** What a batch did: created, issued, skipped (with the reason), per receiving commune; the batch PDF. */
export function CreateResultCard({
  result,
  onClose,
}: {
  result: CreateLettersResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation('introductions');
  return (
    <Alert
      color={result.created > 0 ? 'green' : 'yellow'}
      icon={<IconCircleCheck />}
      title={t('result.title')}
      withCloseButton
      closeButtonLabel={t('common:actions.cancel')}
      onClose={onClose}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('result.counts', {
            created: result.created,
            issued: result.issued,
            skipped: result.skipped.length,
          })}
        </Text>
        {result.byCommune.length > 0 && (
          <List size="sm" spacing={2}>
            {result.byCommune.map((c) => (
              <List.Item key={c.communeId}>
                {t('result.byCommune', { commune: c.communeName, count: c.count })}
              </List.Item>
            ))}
          </List>
        )}
        {result.skipped.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('result.skippedTitle')}
            </Text>
            {skippedByReason(result).map(([reason, names]) => (
              <Spoiler
                key={reason}
                maxHeight={48}
                showLabel={t('result.showAll')}
                hideLabel={t('result.hide')}
              >
                <Text size="sm">
                  <Text span fw={600}>
                    {t('result.skippedReason', {
                      reason: upperFirst(t(`enums:skipReason.${reason}`)),
                      count: names.length,
                    })}
                  </Text>{' '}
                  {names.join(', ')}
                </Text>
              </Spoiler>
            ))}
          </Stack>
        )}
        {result.batchId && result.created > 0 && (
          <Group>
            <Button
              component="a"
              href={introductionPaths.batchPdf(result.batchId)}
              target="_blank"
              rel="noopener"
              size="xs"
              variant="white"
              leftSection={<IconDownload size={16} />}
            >
              {t('result.batchPdf')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Hundreds of skips (a whole cell) read better as one line per reason. */
function skippedByReason(result: CreateLettersResponse): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const s of result.skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.fullName]);
  return [...groups.entries()];
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
