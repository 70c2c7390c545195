import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState } from '../../../components/ui/query-state';
import { useDownloadMyData } from '../api/download-my-data';
import { RecordReadsList } from './record-reads-list';

/** "Dữ liệu cá nhân của tôi": the member downloads what is held about them and sees who read their record. */
export function MyDataPage() {
  const { t } = useTranslation('privacy');
  const download = useDownloadMyData();
  const pending = download.isPending ? download.variables : null;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('download.title')}
            </Title>
            <Text size="sm">{t('download.body')}</Text>
            <Group gap="sm">
              <Button
                leftSection={<IconJson size={18} />}
                loading={pending === 'json'}
                disabled={download.isPending}
                onClick={() => download.mutate('json')}
              >
                {t('download.json')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconFileTypePdf size={18} />}
                loading={pending === 'pdf'}
                disabled={download.isPending}
                onClick={() => download.mutate('pdf')}
              >
                {t('download.pdf')}
              </Button>
            </Group>
            {download.isError && <ErrorState error={download.error} />}
            <Alert color="blue" variant="light">
              {t('download.audited')}
            </Alert>
          </Stack>
        </Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('reads.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('reads.explain')}
          </Text>
          <RecordReadsList scope={{ kind: 'mine' }} />
        </Stack>
      </Stack>
    </>
  );
}
