import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBell,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconFileImport,
  IconHomeHeart,
  IconId,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefs, paths } from '../../../app/paths';
import { RoleBadge, UnitTypeBadge } from '../../../components/ui/enum-badges';
import { canImportMembers, canRunMeetings, hasRole, isAdmin, isWorkingMember } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { HomeCoverageCards } from '../../introductions/components/home-coverage-cards';
import { TodaysWork } from './todays-work';

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {t('home.greeting', { name: me.user.displayName })}
        </Title>
        <Text c="gray.7">{t('home.intro')}</Text>
      </Stack>

      <TodaysWork />

      <Card withBorder>
        <Title order={3} fz="lg" mb="sm">
          {t('home.yourRoles')}
        </Title>
        {me.roles.length === 0 ? (
          <Text c="gray.7">{t('home.noRoles')}</Text>
        ) : (
          <Stack gap="xs" aria-label={t('home.yourRoles')}>
            {me.roles.map((grant) => (
              <Group key={grant.id} gap="xs" wrap="wrap">
                <RoleBadge value={grant.role} size="lg" />
                {grant.position && (
                  <Badge variant="light" color="gray">
                    {t(`enums:position.${grant.position}`)}
                  </Badge>
                )}
                {grant.unitId && grant.unitName ? (
                  <Group gap={6}>
                    <Text component={Link} to={hrefs.unit(grant.unitId)} fw={500} c="blue.8">
                      {grant.unitName}
                    </Text>
                    {grant.unitType && <UnitTypeBadge value={grant.unitType} size="sm" />}
                  </Group>
                ) : (
                  grant.role === 'admin' && (
                    <Text size="sm" c="gray.7">
                      {t('home.systemWide')}
                    </Text>
                  )
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <HomeCoverageCards me={me} />

      <Title order={3} fz="lg">
        {t('home.shortcuts')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {me.user.memberId && hasRole(me, 'member') && (
          <Shortcut
            to={paths.myResidence}
            icon={<IconHomeHeart />}
            label={t('nav.myResidence')}
            text={t('home.myResidenceText')}
          />
        )}
        {(canRunMeetings(me) || isWorkingMember(me)) && (
          <Shortcut
            to={paths.meetings}
            icon={<IconCalendarEvent />}
            label={canRunMeetings(me) ? t('nav.meetings') : t('nav.myMeetings')}
            text={canRunMeetings(me) ? t('home.meetingsText') : t('home.myMeetingsText')}
          />
        )}
        {me.user.memberId && (
          <Shortcut
            to={hrefs.member(me.user.memberId)}
            icon={<IconId />}
            label={t('nav.myRecord')}
            text={t('home.myRecordText')}
          />
        )}
        <Shortcut
          to={paths.members}
          icon={<IconUsers />}
          label={t('nav.members')}
          text={t('home.membersText')}
        />
        <Shortcut
          to={paths.orgTree}
          icon={<IconBuildingCommunity />}
          label={t('nav.org')}
          text={t('home.orgText')}
        />
        {canImportMembers(me) && (
          <Shortcut
            to={paths.import}
            icon={<IconFileImport />}
            label={t('nav.import')}
            text={t('home.importText')}
          />
        )}
        {isAdmin(me) && (
          <Shortcut
            to={paths.accounts}
            icon={<IconUserCog />}
            label={t('nav.accounts')}
            text={t('home.accountsText')}
          />
        )}
        <Shortcut
          to={paths.notifications}
          icon={<IconBell />}
          label={t('nav.notifications')}
          text={t('home.notificationsText')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Shortcut(props: { to: string; icon: ReactNode; label: string; text: string }) {
  return (
    <Card withBorder component={Link} to={props.to} className="rl-clickable" padding="md">
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size="xl" color="red">
          {props.icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{props.label}</Text>
          <Text size="sm" c="gray.7">
            {props.text}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
