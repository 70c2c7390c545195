import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKindSchema } from '../../../../shared/contracts/cell-life';
import { hrefs } from '../../../app/paths';
import { DateField } from '../../../components/ui/date-field';
import { FormModal } from '../../../components/ui/form-modal';
import { ModalActions } from '../../../components/ui/modal-actions';
import { todayIso } from '../../../lib/dates';
import { fieldErrors } from '../../../lib/form-errors';
import { useCurrentUser } from '../../auth/api/get-me';
import { useCreateActivity } from '../api/create-activity';
import { ActivityUnitField, initialActivityUnit } from './activity-unit-field';

type Kind = (typeof activityKindSchema.options)[number];

/** Art. 2.6: the cell (or the commune) records a campaign or movement; members' parts are added on its page. */
export function ActivityFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(() => initialActivityUnit(me));
  const [kind, setKind] = useState<Kind>('construction');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(todayIso());
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const create = useCreateActivity();
  const errors = fieldErrors(create.error);
  const ready = !!unitId && title.trim().length >= 3 && !!startsOn;

  const submit = () => {
    if (!ready || !unitId || !startsOn) return;
    create.mutate(
      { unitId, kind, title: title.trim(), description: description.trim() || null, startsOn, endsOn },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'green', message: t('activityForm.created') });
          onClose();
          void navigate({ to: hrefs.activity(a.id) });
        },
      },
    );
  };

  return (
    <FormModal title={t('activityForm.title')} onClose={onClose} onSubmit={submit} error={create.error}>
      <ActivityUnitField me={me} value={unitId} onChange={setUnitId} error={errors.unitId} />
      <Select
        label={t('activityForm.kind')}
        required
        allowDeselect={false}
        data={activityKindSchema.options.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as Kind)}
        comboboxProps={{ withinPortal: true }}
        size="md"
      />
      <TextInput
        label={t('activityForm.name')}
        description={t('activityForm.nameHint')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        size="md"
      />
      <Textarea
        label={t('activityForm.description')}
        autosize
        minRows={3}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          label={t('activityForm.startsOn')}
          required
          clearable={false}
          value={startsOn}
          onChange={setStartsOn}
          error={errors.startsOn}
          size="md"
        />
        <DateField
          label={t('activityForm.endsOn')}
          value={endsOn}
          onChange={setEndsOn}
          minDate={startsOn ?? undefined}
          error={errors.endsOn}
          size="md"
        />
      </SimpleGrid>
      <ModalActions
        submitLabel={t('activityForm.submit')}
        onCancel={onClose}
        disabled={!ready}
        loading={create.isPending}
        size="md"
      />
    </FormModal>
  );
}
