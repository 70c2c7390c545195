import { NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contributionRoleSchema, type ActivityDetail } from '../../../../shared/contracts/cell-life';
import { FormModal } from '../../../components/ui/form-modal';
import { ModalActions } from '../../../components/ui/modal-actions';
import { fieldErrors } from '../../../lib/form-errors';
import { useAddContribution } from '../api/add-contribution';
import { ResidentSelect } from './resident-select';

type Role = (typeof contributionRoleSchema.options)[number];

const toNumber = (v: string | number): number | null => (typeof v === 'number' ? v : null);

interface ContributionFormModalProps {
  activity: ActivityDetail;
  /** the secretary records for a member of the unit; a member proposes their own part */
  mode: 'record' | 'propose';
  onClose: () => void;
}

/**
 * Art. 2.6: a member's part in a campaign: role, work days, money, expertise, in kind. Recorded by the
 * secretary it stands at once; proposed by the member it waits for the secretary.
 */
export function ContributionFormModal({ activity, mode, onClose }: ContributionFormModalProps) {
  const { t, i18n } = useTranslation('cellLife');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('took_part');
  const [workDays, setWorkDays] = useState<string | number>('');
  const [money, setMoney] = useState<string | number>('');
  const [expertise, setExpertise] = useState('');
  const [inKind, setInKind] = useState('');
  const [note, setNote] = useState('');
  const add = useAddContribution();
  const errors = fieldErrors(add.error);

  // the same rule as the server: some part must be recorded (a leading or mobilising role is one)
  const somePart =
    !!toNumber(workDays) ||
    !!toNumber(money) ||
    !!expertise.trim() ||
    !!inKind.trim() ||
    role !== 'took_part';
  const ready = somePart && (mode === 'propose' || !!memberId);

  const submit = () => {
    if (!ready) return;
    add.mutate(
      {
        activityId: activity.id,
        memberId: mode === 'record' ? memberId : null,
        role,
        workDays: toNumber(workDays),
        moneyVnd: toNumber(money),
        expertise: expertise.trim() || null,
        inKind: inKind.trim() || null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: mode === 'record' ? t('contributionForm.recorded') : t('contributionForm.proposed'),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      title={mode === 'record' ? t('contributionForm.recordTitle') : t('contributionForm.proposeTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={add.error}
    >
      <Text size="sm" c="dimmed">
        {mode === 'record' ? t('contributionForm.recordIntro') : t('contributionForm.proposeIntro')}
      </Text>
      {mode === 'record' && (
        <ResidentSelect
          label={t('contributionForm.member')}
          unitId={activity.unitId}
          value={memberId}
          onChange={(id) => setMemberId(id)}
          error={errors.memberId}
          required
        />
      )}
      <Radio.Group
        label={t('contributionForm.role')}
        value={role}
        onChange={(v) => setRole(v as Role)}
        error={errors.role}
      >
        <Stack gap="xs" mt={6}>
          {contributionRoleSchema.options.map((r) => (
            <Radio key={r} value={r} label={t(`contributionRole.${r}`)} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <NumberInput
          label={t('contributionForm.workDays')}
          value={workDays}
          onChange={setWorkDays}
          min={0}
          max={365}
          step={0.5}
          decimalScale={1}
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          allowNegative={false}
          error={errors.workDays}
          size="md"
        />
        <NumberInput
          label={t('contributionForm.money')}
          value={money}
          onChange={setMoney}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          suffix=" ₫"
          hideControls
          error={errors.moneyVnd}
          size="md"
        />
      </SimpleGrid>
      <TextInput
        label={t('contributionForm.expertise')}
        placeholder={t('contributionForm.expertiseHint')}
        value={expertise}
        onChange={(e) => setExpertise(e.currentTarget.value)}
        error={errors.expertise}
        size="md"
      />
      <TextInput
        label={t('contributionForm.inKind')}
        placeholder={t('contributionForm.inKindHint')}
        value={inKind}
        onChange={(e) => setInKind(e.currentTarget.value)}
        error={errors.inKind}
        size="md"
      />
      <Textarea
        label={t('contributionForm.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
      {!somePart && (
        <Text size="xs" c="dimmed">
          {t('contributionForm.somePart')}
        </Text>
      )}
      <ModalActions
        submitLabel={mode === 'record' ? t('contributionForm.record') : t('contributionForm.propose')}
        onCancel={onClose}
        disabled={!ready}
        loading={add.isPending}
        size="md"
      />
    </FormModal>
  );
}
