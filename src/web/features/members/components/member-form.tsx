import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createMemberBodySchema,
  memberStatuses,
  residenceCategorySchema,
  sexSchema,
  updateMemberBodySchema,
  type MemberDetail,
  type MemberStatus,
} from '../../../../shared/contracts/members';
import { paths } from '../../../app/paths';
import { DateField } from '../../../components/ui/date-field';
import { isApiError } from '../../../lib/api-client';
import { useFormCheck } from '../../../lib/use-form-check';
import type { CreateMemberInput } from '../api/create-member';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useResidentialAreas } from '../../org-units/api/list-residential-areas';
import { useCreateMember } from '../api/create-member';
import { useUpdateMember } from '../api/update-member';

interface Values {
  fullName: string;
  sex: 'male' | 'female' | null;
  dateOfBirth: string | null;
  cardNumber: string;
  citizenId: string;
  phone: string;
  email: string;
  dateAdmitted: string | null;
  dateOfficial: string | null;
  cellId: string | null;
  jobTitle: string;
  registeredProvince: string;
  registeredCommune: string;
  registeredArea: string;
  registeredStreet: string;
  residenceProvince: string;
  residenceCommuneId: string | null;
  residenceAreaId: string | null;
  residenceStreet: string;
  category: 'active' | 'exempt' | 'not_introduced';
  categoryReason: string;
  exemptFrom: string | null;
  exemptTo: string | null;
  status: MemberStatus;
}

function initialValues(m?: MemberDetail): Values {
  return {
    fullName: m?.fullName ?? '',
    sex: m?.sex ?? null,
    dateOfBirth: m?.dateOfBirth ?? null,
    cardNumber: m?.cardNumber ?? '',
    citizenId: m?.citizenId ?? '',
    phone: m?.phone ?? '',
    email: m?.email ?? '',
    dateAdmitted: m?.dateAdmitted ?? null,
    dateOfficial: m?.dateOfficial ?? null,
    cellId: m?.cellId ?? null,
    jobTitle: m?.jobTitle ?? '',
    registeredProvince: m?.registeredProvince ?? '',
    registeredCommune: m?.registeredCommune ?? '',
    registeredArea: m?.registeredArea ?? '',
    registeredStreet: m?.registeredStreet ?? '',
    residenceProvince: m?.residenceProvince ?? '',
    residenceCommuneId: m?.residenceCommuneId ?? null,
    residenceAreaId: m?.residenceAreaId ?? null,
    residenceStreet: m?.residenceStreet ?? '',
    category: m?.category ?? 'active',
    categoryReason: m?.categoryReason ?? '',
    exemptFrom: m?.exemptFrom ?? null,
    exemptTo: m?.exemptTo ?? null,
    status: m?.status ?? 'active',
  };
}

/** The body as the contract reads it; what is missing stays missing, for the check to name it. */
function toBody(v: Values) {
  const s = (x: string) => x.trim() || null;
  return {
    fullName: v.fullName.trim(),
    sex: v.sex,
    dateOfBirth: v.dateOfBirth ?? '',
    cardNumber: v.cardNumber.trim(),
    citizenId: s(v.citizenId),
    phone: s(v.phone),
    email: s(v.email),
    dateAdmitted: v.dateAdmitted,
    dateOfficial: v.dateOfficial,
    cellId: v.cellId ?? '',
    jobTitle: s(v.jobTitle),
    registeredProvince: s(v.registeredProvince),
    registeredCommune: s(v.registeredCommune),
    registeredArea: s(v.registeredArea),
    registeredStreet: s(v.registeredStreet),
    residenceProvince: s(v.residenceProvince),
    residenceCommuneId: v.residenceCommuneId,
    residenceAreaId: v.residenceAreaId,
    residenceStreet: s(v.residenceStreet),
    category: v.category,
    categoryReason: s(v.categoryReason),
    exemptFrom: v.exemptFrom,
    exemptTo: v.exemptTo,
    status: v.status,
  };
}

type Props =
  { mode: 'create'; onClose: () => void } | { mode: 'edit'; member: MemberDetail; onClose: () => void };

export function MemberFormModal(props: Props) {
  const { t } = useTranslation('members');
  const member = props.mode === 'edit' ? props.member : undefined;
  const [values, setValues] = useState<Values>(() => initialValues(member));
  const create = useCreateMember();
  const update = useUpdateMember();
  const mutation = props.mode === 'create' ? create : update;
  const body = toBody(values);
  // the same contract the server parses; a typed date that is no date stays typed and is explained
  const {
    errors,
    check,
    ref: formRef,
  } = useFormCheck(
    props.mode === 'create' ? createMemberBodySchema : updateMemberBodySchema,
    body,
    mutation.error,
  );
  const conflict = isApiError(mutation.error, 409);
  const areas = useResidentialAreas(values.residenceCommuneId);
  const navigate = useNavigate();

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof Values, label: string, extra?: { required?: boolean; placeholder?: string }) => (
    <TextInput
      label={label}
      value={(values[key] as string) ?? ''}
      onChange={(e) => set(key)(e.currentTarget.value as never)}
      error={errors[key]}
      required={extra?.required}
      placeholder={extra?.placeholder}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    // checked by the contract just above: sex is set
    const valid = body as CreateMemberInput;
    if (props.mode === 'create') {
      create.mutate(valid, {
        onSuccess: (m) => {
          notifications.show({ color: 'green', message: t('form.created', { name: m.fullName }) });
          props.onClose();
          void navigate({ to: paths.member, params: { memberId: m.id } });
        },
      });
    } else {
      update.mutate(
        { id: props.member.id, body: { ...valid, expectedUpdatedAt: props.member.updatedAt } },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('form.saved') });
            props.onClose();
          },
        },
      );
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        props.mode === 'create' ? t('form.createTitle') : t('form.editTitle', { name: member?.fullName })
      }
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {conflict && (
            <Alert color="orange" role="alert" title={t('form.conflictTitle')}>
              {mutation.error?.message} {t('form.conflictHint')}
            </Alert>
          )}
          <Section title={t('sections.identity')}>
            {text('fullName', t('fields.fullName'), { required: true })}
            <Select
              label={t('fields.sex')}
              required
              data={sexSchema.options.map((v) => ({ value: v, label: t(`enums:sex.${v}`) }))}
              value={values.sex}
              onChange={(v) => set('sex')(v as Values['sex'])}
              error={errors.sex}
            />
            <DateField
              label={t('fields.dateOfBirth')}
              required
              value={values.dateOfBirth}
              onChange={set('dateOfBirth')}
              error={errors.dateOfBirth}
            />
            {text('citizenId', t('fields.citizenId'))}
            {text('phone', t('fields.phone'), { placeholder: '0912345678' })}
            {text('email', t('fields.email'))}
          </Section>
          <Section title={t('sections.party')}>
            {text('cardNumber', t('fields.cardNumber'), { required: true })}
            <UnitPicker
              label={t('fields.cell')}
              value={values.cellId}
              initialLabel={member?.cellName}
              onChange={(id) => set('cellId')(id)}
              error={errors.cellId}
              required
              clearable={false}
            />
            <DateField
              label={t('fields.dateAdmitted')}
              value={values.dateAdmitted}
              onChange={set('dateAdmitted')}
              error={errors.dateAdmitted}
            />
            <DateField
              label={t('fields.dateOfficial')}
              value={values.dateOfficial}
              onChange={set('dateOfficial')}
              error={errors.dateOfficial}
            />
            <Select
              label={t('fields.status')}
              data={memberStatuses.map((v) => ({ value: v, label: t(`enums:memberStatus.${v}`) }))}
              value={values.status}
              onChange={(v) => v && set('status')(v as MemberStatus)}
              error={errors.status}
            />
          </Section>
          <Section title={t('sections.workplace')}>{text('jobTitle', t('fields.jobTitle'))}</Section>
          <Section title={t('sections.registered')}>
            {text('registeredProvince', t('fields.province'))}
            {text('registeredCommune', t('fields.commune'))}
            {text('registeredArea', t('fields.area'))}
            {text('registeredStreet', t('fields.street'))}
          </Section>
          <Section title={t('sections.residence')}>
            {text('residenceProvince', t('fields.province'))}
            <UnitPicker
              label={t('fields.residenceCommune')}
              type="commune_committee"
              value={values.residenceCommuneId}
              initialLabel={member?.residenceCommuneName}
              onChange={(id) => setValues((v) => ({ ...v, residenceCommuneId: id, residenceAreaId: null }))}
              error={errors.residenceCommuneId}
            />
            <Select
              label={t('fields.residenceArea')}
              data={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={values.residenceAreaId}
              onChange={set('residenceAreaId')}
              disabled={!values.residenceCommuneId}
              clearable
              searchable
              error={errors.residenceAreaId}
            />
            {text('residenceStreet', t('fields.street'))}
          </Section>
          <Section title={t('sections.category')}>
            <Select
              label={t('fields.category')}
              data={residenceCategorySchema.options.map((v) => ({
                value: v,
                label: t(`enums:category.${v}`),
              }))}
              value={values.category}
              onChange={(v) => v && set('category')(v as Values['category'])}
              error={errors.category}
            />
            {values.category === 'exempt' && (
              <>
                <DateField
                  label={t('fields.exemptFrom')}
                  value={values.exemptFrom}
                  onChange={set('exemptFrom')}
                  error={errors.exemptFrom}
                />
                <DateField
                  label={t('fields.exemptTo')}
                  value={values.exemptTo}
                  onChange={set('exemptTo')}
                  error={errors.exemptTo}
                />
              </>
            )}
          </Section>
          {values.category !== 'active' && (
            <Textarea
              label={t('fields.categoryReason')}
              value={values.categoryReason}
              onChange={(e) => set('categoryReason')(e.currentTarget.value)}
              error={errors.categoryReason}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {props.mode === 'create' ? t('common:actions.create') : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider />
      <Title order={4} fz="md">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {children}
      </SimpleGrid>
    </Stack>
  );
}
