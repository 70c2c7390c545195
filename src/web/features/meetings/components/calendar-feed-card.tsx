import { Alert, Button, Card, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCreateCalendarToken } from '../api/create-calendar-token';

/** The member's meetings in their own calendar app: a secret iCalendar URL, copied or opened. */
export function CalendarFeedCard() {
  const { t } = useTranslation('meetings');
  const token = useCreateCalendarToken();
  const url = token.data?.url ?? null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="calendar-feed-title">
          {t('calendar.title')}
        </Title>
        <Text size="sm">{t('calendar.intro')}</Text>
        {!url ? (
          <Button
            size="md"
            variant="light"
            leftSection={<IconLink size={18} />}
            onClick={() => token.mutate()}
            loading={token.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('calendar.get')}
          </Button>
        ) : (
          <Stack gap="sm">
            <TextInput
              label={t('calendar.url')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <Group gap="xs">
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    size="md"
                    color={copied ? 'teal' : 'blue'}
                    leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    onClick={copy}
                  >
                    {copied ? t('calendar.copied') : t('calendar.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="md"
                variant="light"
                component="a"
                href={url.replace(/^https?:/, 'webcal:')}
                leftSection={<IconCalendarPlus size={18} />}
              >
                {t('calendar.open')}
              </Button>
            </Group>
            <Text size="sm" fw={600}>
              {t('calendar.howTitle')}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('calendar.howGoogle')}</List.Item>
              <List.Item>{t('calendar.howIphone')}</List.Item>
              <List.Item>{t('calendar.howOther')}</List.Item>
            </List>
            <Alert color="yellow" variant="light">
              {t('calendar.secret')}
            </Alert>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
