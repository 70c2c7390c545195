import { Anchor, Center, Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChevronRight, IconMinus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { HomeItem, HomeItemKey } from '../../../../shared/contracts/home';
import { hrefs } from '../../../app/paths';
import { formatDate } from '../../../lib/dates';
import { formatMeetingTime } from '../../meetings/lib/meeting-time';
import classes from './work-item.module.css';

/** Items that are a single thing to do or not (shown as a mark, not a number). */
const flagItems: readonly HomeItemKey[] = ['cycleNotOpened', 'selfReportDue'];

/** The line under the label: what the count means today, or — with nothing to do — what comes next. */
function hintKey(item: HomeItem, exists: (key: string) => boolean): string {
  const base = `items.${item.key}`;
  if (item.count > 0) return !item.date && exists(`${base}.hintNoDate`) ? `${base}.hintNoDate` : `${base}.hint`;
  if (item.done && exists(`${base}.emptyDone`)) return `${base}.emptyDone`;
  if (!item.date && exists(`${base}.emptyNoDate`)) return `${base}.emptyNoDate`;
  return `${base}.empty`;
}

/** One count of today's work: the whole row leads to the list that shows exactly those items. */
export function WorkItem({ item }: { item: HomeItem }) {
  const { t, i18n } = useTranslation('home');
  const params = {
    count: item.count,
    date: item.date ? formatDate(item.date) : '',
    year: item.year ?? '',
    halfLabel: item.half ? t(`half.${item.half}`) : '',
  };
  const exists = (key: string) => i18n.exists(key, { ns: 'home' });
  const hint = hintKey(item, exists);
  const flag = flagItems.includes(item.key);
  const todo = item.count > 0;
  // a single thing: to do, done, or not asked for yet (no self-report is due before a comment is requested)
  const state = todo ? 'label' : item.done ? 'labelDone' : exists(`items.${item.key}.labelNone`) ? 'labelNone' : 'labelDone';
  const meeting = item.meeting;
  return (
    <Stack gap={0} className={classes.item}>
      <UnstyledButton
        component={Link}
        // the server names the page and its filters; the router checks them like any other link
        to={item.link.to as never}
        search={item.link.search as never}
        className={classes.row}
        data-todo={todo || undefined}
        data-item={item.key}
      >
        <Group wrap="nowrap" gap="sm" align="center">
          {flag ? (
            <Center w={44} style={{ flex: 'none' }}>
              <ThemeIcon
                size={40}
                radius="xl"
                color={todo ? 'red.8' : item.done ? 'green.8' : 'gray'}
                variant={todo ? 'filled' : 'light'}
                aria-hidden
              >
                {todo ? <IconAlertCircle size={24} /> : item.done ? <IconCheck size={24} /> : <IconMinus size={24} />}
              </ThemeIcon>
            </Center>
          ) : (
            <Text component="span" className={classes.count} data-zero={!todo || undefined}>
              {item.count}
            </Text>
          )}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} lh={1.3}>
              {t(`items.${item.key}.${flag ? state : 'label'}`, params)}
            </Text>
            <Text size="sm" c="gray.7" lh={1.35}>
              {t(hint, params)}
            </Text>
            {meeting && (
              <Text size="sm" fw={500} lh={1.35} className={classes.meeting}>
                {t('meeting', { title: meeting.title, time: formatMeetingTime(meeting.startsAt, meeting.endsAt), place: meeting.place })}
              </Text>
            )}
          </Stack>
          <IconChevronRight size={20} aria-hidden className={classes.chevron} />
        </Group>
      </UnstyledButton>
      {meeting && item.key === 'nextMeeting' && (
        <Group gap="xs" pl={56} pb="xs" wrap="wrap">
          <Text size="sm" c={meeting.rsvp ? 'gray.8' : 'red.8'} fw={meeting.rsvp ? 400 : 600}>
            {t(`rsvp.${meeting.rsvp ?? 'none'}`)}
          </Text>
          <Anchor component={Link} to={hrefs.meeting(meeting.id)} className={classes.answer}>
            {meeting.rsvp ? t('rsvp.change') : t('rsvp.answer')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
