import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDirectedTopics } from '../api/list-directed-topics';

export interface TopicDraft {
  title: string;
  /** set when the topic is one the commune directs: the server keeps the link */
  directedTopicId: string | null;
}

const MAX_TOPICS = 20;

interface MeetingTopicsFieldProps {
  cellId: string | null;
  topics: TopicDraft[];
  onChange: (update: (list: TopicDraft[]) => TopicDraft[]) => void;
  errors: Record<string, string>;
}

/**
 * The topics members are asked about. Art. 4.3: the commune may direct topics to all its cells; the
 * active ones are offered here and added with one click, keeping their link to the direction.
 */
export function MeetingTopicsField({ cellId, topics, onChange, errors }: MeetingTopicsFieldProps) {
  const { t } = useTranslation('meetings');
  const directed = useDirectedTopics(cellId);
  const offered = directed.data?.items ?? [];
  const communeOf = new Map(offered.map((d) => [d.id, d.communeName]));
  const added = new Set(topics.map((x) => x.directedTopicId).filter(Boolean));
  const full = topics.length >= MAX_TOPICS;

  const addDirected = (d: { id: string; title: string }) =>
    onChange((list) => {
      const topic = { title: d.title, directedTopicId: d.id };
      // the first blank line takes it, so the form does not keep an empty line above it
      const blank = list.findIndex((x) => !x.directedTopicId && !x.title.trim());
      return blank < 0 ? [...list, topic] : list.map((x, i) => (i === blank ? topic : x));
    });

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('form.topics')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('form.topicsHint')}
      </Text>
      {topics.map((topic, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          {topic.directedTopicId ? (
            <Paper
              withBorder
              p="xs"
              style={{ flex: 1, minWidth: 0 }}
              aria-label={t('form.topicN', { n: i + 1 })}
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {topic.title}
              </Text>
              <Text size="xs" c="dimmed">
                {communeOf.has(topic.directedTopicId)
                  ? t('form.directedBy', { commune: communeOf.get(topic.directedTopicId) })
                  : t('form.directedTopic')}
              </Text>
            </Paper>
          ) : (
            <TextInput
              aria-label={t('form.topicN', { n: i + 1 })}
              placeholder={t('form.topicPlaceholder')}
              value={topic.title}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange((list) => list.map((x, j) => (j === i ? { ...x, title: value } : x)));
              }}
              style={{ flex: 1 }}
              error={errors[`topics.${i}.title`]}
            />
          )}
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={topic.directedTopicId ? 6 : 0}
            aria-label={t('form.removeTopic', { n: i + 1 })}
            onClick={() => onChange((list) => list.filter((_, j) => j !== i))}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      {!full && (
        <Button
          variant="light"
          leftSection={<IconPlus size={18} />}
          onClick={() => onChange((list) => [...list, { title: '', directedTopicId: null }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('form.addTopic')}
        </Button>
      )}
      {offered.length > 0 && (
        <Stack gap={6} mt="xs" role="group" aria-labelledby="directed-topics-label">
          <Group gap={6} wrap="nowrap">
            <IconSpeakerphone size={18} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
            <Text size="sm" fw={500} id="directed-topics-label">
              {t('form.directedTitle')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('form.directedHint')}
          </Text>
          {offered.map((d) => {
            const isAdded = added.has(d.id);
            return (
              <Paper key={d.id} withBorder p="xs" bg={isAdded ? 'gray.0' : undefined}>
                <Group gap="xs" wrap="nowrap" justify="space-between" align="center">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {d.title}
                    </Text>
                    <Text size="xs" c="red.8">
                      {t('form.directedBy', { commune: d.communeName })}
                    </Text>
                  </Stack>
                  <Button
                    size="compact-md"
                    variant={isAdded ? 'subtle' : 'light'}
                    leftSection={isAdded ? <IconCheck size={16} /> : <IconPlus size={16} />}
                    disabled={isAdded || full}
                    onClick={() => addDirected(d)}
                    aria-label={
                      isAdded
                        ? t('form.directedAddedLabel', { title: d.title })
                        : t('form.addDirected', { title: d.title })
                    }
                    style={{ flexShrink: 0 }}
                  >
                    {isAdded ? t('form.directedAdded') : t('form.add')}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
