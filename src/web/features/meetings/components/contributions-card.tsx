import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { fieldErrors } from '../../../lib/form-errors';
import { useAddContribution } from '../api/add-contribution';

const OTHER = 'other';
type Kind = 'opinion' | 'proposal';

/** Opinions and proposals in the order they were given, and who gave them (Art. 2.3: members contribute). */
export function ContributionsCard({ m, editable }: { m: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="contributions-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="contributions-title">
          {t('contributions.title')}
        </Title>
        {m.contributions.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('contributions.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {m.contributions.map((c, i) => (
              <Paper key={c.id} withBorder p="sm" component="li">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={700}>{i + 1}.</Text>
                    <Text fw={600}>{c.speakerName ?? '—'}</Text>
                    <Badge variant="light" color={c.kind === 'proposal' ? 'grape' : 'blue'}>
                      {t(`contributions.kind.${c.kind}`)}
                    </Badge>
                  </Group>
                  {c.topic && (
                    <Text size="xs" c="dimmed">
                      {t('contributions.about', { topic: c.topic })}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.content}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {editable &&
          (m.minutesLocked ? (
            <Text size="sm" c="dimmed">
              {t('contributions.locked')}
            </Text>
          ) : (
            <ContributionForm m={m} />
          ))}
      </Stack>
    </Card>
  );
}

function ContributionForm({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('opinion');
  const [topic, setTopic] = useState('');
  const [content, setContent] = useState('');
  const add = useAddContribution();
  const errors = fieldErrors(add.error);
  // those who took part first: they are the ones who spoke
  const present = m.attendance.filter((r) => r.status === 'present' || r.status === 'late');
  const others = m.attendance.filter((r) => !(r.status === 'present' || r.status === 'late'));
  const ready = !!speaker && (speaker !== OTHER || name.trim().length > 0) && content.trim().length >= 3;

  const submit = () =>
    add.mutate(
      {
        id: m.id,
        memberId: speaker && speaker !== OTHER ? speaker : null,
        speakerName: speaker === OTHER ? name.trim() : null,
        kind,
        topic: topic.trim() || null,
        content: content.trim(),
      },
      {
        onSuccess: () => {
          setContent('');
          setTopic('');
          notifications.show({ color: 'green', message: t('contributions.added') });
        },
      },
    );

  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Stack gap="sm">
        <Text fw={600}>{t('contributions.new')}</Text>
        {add.error && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {add.error.message}
          </Alert>
        )}
        <Select
          label={t('contributions.speaker')}
          required
          searchable
          value={speaker}
          onChange={setSpeaker}
          data={[
            {
              group: t('contributions.present'),
              items: present.map((r) => ({ value: r.memberId, label: r.fullName })),
            },
            {
              group: t('contributions.invited'),
              items: others.map((r) => ({ value: r.memberId, label: r.fullName })),
            },
            {
              group: t('contributions.otherGroup'),
              items: [{ value: OTHER, label: t('contributions.other') }],
            },
          ].filter((g) => g.items.length > 0)}
          error={errors.memberId}
          comboboxProps={{ withinPortal: true }}
          size="md"
        />
        {speaker === OTHER && (
          <TextInput
            label={t('contributions.speakerName')}
            description={t('contributions.speakerNameHint')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.speakerName}
            size="md"
          />
        )}
        <SegmentedControl
          aria-label={t('contributions.kindLabel')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'opinion', label: t('contributions.kind.opinion') },
            { value: 'proposal', label: t('contributions.kind.proposal') },
          ]}
          size="md"
        />
        <Autocomplete
          label={t('contributions.topic')}
          data={m.topics.map((x) => x.title)}
          value={topic}
          onChange={setTopic}
          error={errors.topic}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('contributions.content')}
          required
          autosize
          minRows={3}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={errors.content}
        />
        <Button
          size="md"
          leftSection={<IconMessagePlus size={18} />}
          onClick={submit}
          loading={add.isPending}
          disabled={!ready}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('contributions.add')}
        </Button>
      </Stack>
    </Paper>
  );
}
