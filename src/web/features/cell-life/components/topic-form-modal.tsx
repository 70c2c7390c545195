import { SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { FormModal } from '../../../components/ui/form-modal';
import { ModalActions } from '../../../components/ui/modal-actions';
import { formatDate, todayIso } from '../../../lib/dates';
import { fieldErrors } from '../../../lib/form-errors';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useCreateTopic } from '../api/create-topic';

interface TopicFormModalProps {
  /** the commune directing the topic; without it the form asks (admins) */
  commune: { id: string; name: string } | null;
  onClose: () => void;
}

/** Art. 4.3: the commune committee directs a topic to all its cells, for their meetings in a period. */
export function TopicFormModal({ commune, onClose }: TopicFormModalProps) {
  const { t } = useTranslation('cellLife');
  const [communeId, setCommuneId] = useState<string | null>(commune?.id ?? null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [activeFrom, setActiveFrom] = useState<string | null>(todayIso());
  const [activeTo, setActiveTo] = useState<string | null>(null);
  const create = useCreateTopic();
  const errors = fieldErrors(create.error);
  const ready = !!communeId && title.trim().length >= 3 && !!activeFrom;

  const submit = () => {
    if (!ready || !communeId || !activeFrom) return;
    create.mutate(
      { communeId, title: title.trim(), description: description.trim() || null, activeFrom, activeTo },
      {
        onSuccess: (topic) => {
          notifications.show({
            color: 'green',
            message:
              topic.activeFrom > todayIso()
                ? t('topicForm.sentLater', { commune: topic.communeName, date: formatDate(topic.activeFrom) })
                : t('topicForm.sent', { commune: topic.communeName }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={t('topicForm.title')} onClose={onClose} onSubmit={submit} error={create.error}>
      <Text size="sm" c="dimmed">
        {t('topicForm.intro')}
      </Text>
      {commune ? (
        <Text size="sm">
          {t('topicForm.commune')}: <b>{commune.name}</b>
        </Text>
      ) : (
        <UnitPicker
          label={t('topicForm.commune')}
          type="commune_committee"
          within="reach"
          value={communeId}
          onChange={(id) => setCommuneId(id)}
          required
          error={errors.communeId}
        />
      )}
      <TextInput
        label={t('topicForm.name')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        size="md"
      />
      <Textarea
        label={t('topicForm.description')}
        description={t('topicForm.descriptionHint')}
        autosize
        minRows={3}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          label={t('topicForm.activeFrom')}
          required
          clearable={false}
          value={activeFrom}
          onChange={setActiveFrom}
          error={errors.activeFrom}
          size="md"
        />
        <DateField
          label={t('topicForm.activeTo')}
          value={activeTo}
          onChange={setActiveTo}
          minDate={activeFrom ?? undefined}
          error={errors.activeTo}
          size="md"
        />
      </SimpleGrid>
      <ModalActions
        submitLabel={t('topicForm.submit')}
        onCancel={onClose}
        disabled={!ready}
        loading={create.isPending}
        size="md"
      />
    </FormModal>
  );
}
