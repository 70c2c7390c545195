import {
  Anchor,
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import {
  IconBuildingCommunity,
  IconFileImport,
  IconHome,
  IconId,
  IconKey,
  IconLock,
  IconShieldLock,
  IconLogout,
  IconUser,
  IconUserCog,
  IconUsers,
  IconApi,
  IconHomeHeart,
  IconInbox,
  IconMailForward,
  IconUsersGroup,
  IconCalendarEvent,
  IconChartBar,
  IconHeartHandshake,
  IconAlertTriangle,
  IconCheck,
  IconLanguage,
  IconSpeakerphone,
  IconClipboardCheck,
  IconScale,
  IconMessageCircleUser,
  IconChartInfographic,
  IconReportAnalytics,
} from '@tabler/icons-react';
import { Link, Navigate, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appLocales, LanguageSwitcher, useLocaleChoice } from '../components/ui/language-switcher';
import type { Me } from '../../shared/contracts/auth';
import { useMe } from '../features/auth/api/get-me';
import { useDialogFocusReturn } from '../lib/use-dialog-focus-return';
import { useLogout } from '../features/auth/api/logout';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import {
  canImportMembers,
  canRunMeetings,
  canRunWorkplaceEvaluations,
  canSeeActivities,
  canSeeResidenceEvaluations,
  canSeeCellWarnings,
  canSeeTopics,
  canSeeReports,
  canUseYearlyReports,
  cellGrants,
  communeGrants,
  hasRole,
  isAdmin,
  isWorkingMember,
  workplaceGrants,
} from '../lib/roles';
import { hrefs, paths } from './paths';
import { OfflineStatus } from './offline-status';

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  exact?: boolean;
}

export function AppLayout() {
  const { data: me } = useMe();
  // the session ended (logout, 401): the login page takes over
  if (!me) return <Navigate to={paths.login} />;
  return (
    <>
      {/* the toaster lives with the app's pages, so the login page (errors shown inline) need not load it */}
      <Notifications position="top-right" />
      <Shell me={me} />
    </>
  );
}

function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const logout = useLogout();
  const navigate = useNavigate();
  const locale = useLocaleChoice();
  const isWide = useMediaQuery('(min-width: 48em)', true);
  useDialogFocusReturn();

  const items: NavItem[] = [
    { label: t('nav.home'), to: paths.home, icon: <IconHome size={20} />, exact: true },
    { label: t('nav.org'), to: paths.orgTree, icon: <IconBuildingCommunity size={20} /> },
    { label: t('nav.members'), to: paths.members, icon: <IconUsers size={20} />, exact: true },
  ];
  // Regulation 213 hand-offs: each side sees its own hub (Art. 3.1 workplace, 4.1 commune, 4.2 cell).
  if (isAdmin(me) || workplaceGrants(me).length > 0)
    items.push({
      label: t('nav.introductions'),
      to: paths.introductions,
      icon: <IconMailForward size={20} />,
      exact: true,
    });
  if (isAdmin(me) || communeGrants(me).length > 0)
    items.push({
      label: t('nav.introductionsInbox'),
      to: paths.introductionsInbox,
      icon: <IconInbox size={20} />,
    });
  if (isAdmin(me) || cellGrants(me).length > 0)
    items.push({
      label: t('nav.introductionsCell'),
      to: paths.introductionsCell,
      icon: <IconUsersGroup size={20} />,
    });
  if (hasRole(me, 'member') && me.user.memberId)
    items.push({ label: t('nav.myResidence'), to: paths.myResidence, icon: <IconHomeHeart size={20} /> });
  // Residential cell life (Art. 4.3): the secretary runs the meetings, the member answers and attends.
  if (canRunMeetings(me) || isWorkingMember(me))
    items.push({
      label: canRunMeetings(me) ? t('nav.meetings') : t('nav.myMeetings'),
      to: paths.meetings,
      icon: <IconCalendarEvent size={20} />,
    });
  if (canRunMeetings(me))
    items.push({
      label: t('nav.meetingsCompliance'),
      to: paths.meetingsCompliance,
      icon: <IconChartBar size={20} />,
    });
  // Art. 2.6 campaigns, Art. 4.4 warnings, Art. 4.3 topics the commune directs to its cells
  if (canSeeActivities(me))
    items.push({ label: t('nav.activities'), to: paths.activities, icon: <IconHeartHandshake size={20} /> });
  if (canSeeCellWarnings(me) || isWorkingMember(me))
    items.push({
      label: canSeeCellWarnings(me) ? t('nav.warnings') : t('nav.myWarnings'),
      to: paths.warnings,
      icon: <IconAlertTriangle size={20} />,
    });
  if (canSeeTopics(me))
    items.push({ label: t('nav.topics'), to: paths.topics, icon: <IconSpeakerphone size={20} /> });
  // The yearly evaluation: the residence side writes and confirms, the workplace asks and reviews (Art. 3.4, 4.4, 4.5)
  if (canSeeResidenceEvaluations(me))
    items.push({
      label: t('nav.evaluations'),
      to: paths.evaluations,
      icon: <IconClipboardCheck size={20} />,
    });
  if (canRunWorkplaceEvaluations(me))
    items.push({
      label: t('nav.evaluationsWorkplace'),
      to: paths.evaluationsWorkplace,
      icon: <IconScale size={20} />,
    });
  if (isWorkingMember(me))
    items.push({
      label: t('nav.myEvaluation'),
      to: paths.myEvaluation,
      icon: <IconMessageCircleUser size={20} />,
    });
  // Art. 5: the picture upward and the yearly report to the committee above
  if (canSeeReports(me))
    items.push({
      label: t('nav.reports'),
      to: paths.reports,
      icon: <IconChartInfographic size={20} />,
      exact: true,
    });
  if (canUseYearlyReports(me))
    items.push({
      label: t('nav.yearlyReports'),
      to: paths.yearlyReports,
      icon: <IconReportAnalytics size={20} />,
    });
  if (canImportMembers(me))
    items.push({ label: t('nav.import'), to: paths.import, icon: <IconFileImport size={20} /> });
  if (isAdmin(me))
    items.push({ label: t('nav.accounts'), to: paths.accounts, icon: <IconUserCog size={20} /> });
  if (hasRole(me, 'member') && me.user.memberId) {
    items.push({
      label: t('nav.myRecord'),
      to: hrefs.member(me.user.memberId),
      icon: <IconId size={20} />,
      exact: true,
    });
  }

  const matches = (item: NavItem) => {
    if (item.exact) return pathname === item.to;
    return pathname === item.to || pathname.startsWith(`${item.to}/`);
  };
  // /meetings/compliance is its own item, not also "meetings": the longest match wins
  const isActive = (item: NavItem) =>
    matches(item) && !items.some((other) => other.to.length > item.to.length && matches(other));

  const doLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: paths.login }) });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to={paths.home} onClick={close}>
              <Stack gap={0}>
                <Text fw={800} c="red.8" size="lg" lh={1.1} style={{ whiteSpace: 'nowrap' }}>
                  Residence Link
                </Text>
                <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
                  {t('app.subtitle')}
                </Text>
              </Stack>
            </UnstyledButton>
          </Group>
          <Group gap={6} wrap="nowrap">
            {/* a phone has no room for it in the header: the language is chosen in the account menu there */}
            <Box visibleFrom="sm">
              <LanguageSwitcher />
            </Box>
            <NotificationBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* the name shown from md up is part of the accessible name (WCAG 2.5.3) */}
                <UnstyledButton
                  aria-label={t('user.menuOf', { name: me.user.displayName })}
                  miw={44}
                  mih={44}
                  style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                >
                  <Group gap={6} wrap="nowrap">
                    {/* an icon, not the initial: a letter before the name would be text the accessible name lacks */}
                    <Avatar color="red" radius="xl" size={34}>
                      <IconUser size={20} aria-hidden />
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
                      {me.user.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.displayName}</Menu.Label>
                <Menu.Item component={Link} to={paths.changePassword} leftSection={<IconKey size={16} />}>
                  {t('user.changePassword')}
                </Menu.Item>
                <Menu.Item component={Link} to={paths.accountSecurity} leftSection={<IconLock size={16} />}>
                  {t('auth:menu.security')}
                </Menu.Item>
                {me.user.memberId && (
                  <Menu.Item component={Link} to={paths.myData} leftSection={<IconShieldLock size={16} />}>
                    {t('privacy:menu')}
                  </Menu.Item>
                )}
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={doLogout}>
                  {t('user.logout')}
                </Menu.Item>
                {/* rendered only on a phone, so the arrow keys never land on a hidden item */}
                {!isWide && (
                  <>
                    <Menu.Divider />
                    <Menu.Label>
                      <Group gap={6}>
                        <IconLanguage size={14} />
                        {t('language.label')}
                      </Group>
                    </Menu.Label>
                    {appLocales.map((code) => (
                      <Menu.Item
                        key={code}
                        lang={code}
                        leftSection={code === locale.current ? <IconCheck size={16} /> : <Box w={16} />}
                        onClick={() => locale.change(code)}
                      >
                        {t(`language.${code}`)}
                      </Menu.Item>
                    ))}
                  </>
                )}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              // the router marks only the exact page (aria-current); `active` covers the pages below an item
              activeOptions={{ exact: true, includeSearch: false }}
              label={item.label}
              leftSection={item.icon}
              active={isActive(item)}
              onClick={close}
              py="sm"
              style={{ borderRadius: 8 }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Group gap={6} px="sm" py="xs">
            <IconApi size={16} color="var(--mantine-color-gray-6)" />
            <Anchor href="/api/docs" target="_blank" size="xs" c="dimmed">
              {t('nav.apiDocs')}
            </Anchor>
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <OfflineStatus />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
