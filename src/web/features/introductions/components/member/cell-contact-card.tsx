import { Button, Card, Divider, Stack, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CellContact } from '../../../../../shared/contracts/introductions';

/** Art. 4.2: the cell tells the member how to get in touch: the secretary, where it meets, the Front head. */
export function CellContactCard({ cell }: { cell: CellContact }) {
  const { t } = useTranslation('introductions');
  return (
    <Card withBorder padding="md" bg="teal.0" aria-label={t('mine.cellTitle')} component="section">
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('mine.cellTitle')}
        </Title>
        <Text fw={700} fz="lg">
          {cell.cellName}
        </Text>
        {cell.communeName && <Text size="sm">{cell.communeName}</Text>}
        {cell.meetingPlace && <Text size="sm">{t('mine.meetingPlace', { place: cell.meetingPlace })}</Text>}
        {cell.address && (
          <Text size="sm" c="dimmed">
            {cell.address}
          </Text>
        )}
        <Divider />
        <Person
          role={t('mine.secretary')}
          name={cell.secretaryName}
          phone={cell.secretaryPhone ?? cell.phone}
        />
        <Person role={t('mine.frontHead')} name={cell.frontHeadName} phone={cell.frontHeadPhone} />
      </Stack>
    </Card>
  );
}

function Person({ role, name, phone }: { role: string; name: string | null; phone: string | null }) {
  if (!name && !phone) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {role}
      </Text>
      <Text fw={600}>{name ?? '—'}</Text>
      {phone && (
        <Button
          component="a"
          href={`tel:${phone.replace(/[^\d+]/g, '')}`}
          size="md"
          variant="white"
          leftSection={<IconPhone size={18} />}
          style={{ alignSelf: 'flex-start' }}
          aria-label={`${role}: ${phone}`}
        >
          {phone}
        </Button>
      )}
    </Stack>
  );
}
