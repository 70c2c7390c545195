import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { AttendanceBadge, RsvpBadge } from './meeting-badges';

/** The register as readers above the cell see it (Front head, superior committees): no editing. */
export function RegisterView({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="register-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="register-title">
          {t('register.title')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby="register-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.member')}</Table.Th>
                <Table.Th>{t('register.answer')}</Table.Th>
                <Table.Th>{t('register.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.attendance.map((r) => (
                <Table.Tr key={r.memberId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.workplaceCommitteeName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RsvpBadge value={r.rsvp} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <AttendanceBadge value={r.status} />
                      {r.reason && (
                        <Text size="xs" c="dimmed">
                          {r.reason}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
