import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Divider,
  Drawer,
  Group,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateAccountBodySchema, type Account } from '../../../../shared/contracts/accounts';
import { officerPositions, roles, type Role, type RoleGrant } from '../../../../shared/contracts/auth';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { RoleBadge, UnitTypeBadge } from '../../../components/ui/enum-badges';
import { useExplained } from '../../../components/ui/explained';
import { formatDateTime } from '../../../lib/dates';
import { fieldErrors } from '../../../lib/form-errors';
import { useFormCheck } from '../../../lib/use-form-check';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useGrantRole } from '../api/grant-role';
import { useRevokeRole } from '../api/revoke-role';
import { useUpdateAccount } from '../api/update-account';

export function AccountDrawer({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  return (
    <Drawer opened={!!account} onClose={onClose} position="right" size="lg" title={account?.displayName}>
      {account && <AccountDetail key={account.id} account={account} />}
      {!account && <Text>{t('empty')}</Text>}
    </Drawer>
  );
}

function AccountDetail({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateAccount();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [email, setEmail] = useState(account.email ?? '');
  const [phone, setPhone] = useState(account.phone ?? '');
  const [password, setPassword] = useState('');
  const [toggleActive, setToggleActive] = useState(false);
  const [revoking, setRevoking] = useState<RoleGrant | null>(null);
  const revoke = useRevokeRole();
  const profile = {
    displayName: displayName.trim(),
    email: email.trim() || null,
    phone: phone.trim() || null,
  };
  // the profile and the new password are checked by the account contract before they are sent
  const {
    errors,
    check,
    ref: detailRef,
  } = useFormCheck<HTMLDivElement>(updateAccountBodySchema, profile, update.error);
  const { errors: passwordErrors, check: checkPassword } = useFormCheck(
    updateAccountBodySchema,
    { password },
    null,
  );
  const resetExplained = useExplained(password ? null : t('reset.typeFirst'));

  return (
    <Stack ref={detailRef}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('fields.username')}:
        </Text>
        <Text size="sm" ff="monospace">
          {account.username}
        </Text>
        <Badge color={account.isActive ? 'green' : 'gray'} variant="light">
          {account.isActive ? t('active') : t('inactive')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('fields.lastLoginAt')}: {formatDateTime(account.lastLoginAt)}
      </Text>

      <Title order={4}>{t('profile')}</Title>
      <TextInput
        label={t('fields.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={errors.displayName}
      />
      <TextInput
        label={t('fields.email')}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors.email}
      />
      <TextInput
        label={t('fields.phone')}
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
        error={errors.phone}
      />
      <Group>
        <Button
          loading={update.isPending}
          onClick={() =>
            check() &&
            update.mutate(
              { id: account.id, body: profile },
              { onSuccess: () => notifications.show({ color: 'green', message: t('saved') }) },
            )
          }
        >
          {t('common:actions.save')}
        </Button>
        <Switch
          label={t('fields.isActive')}
          checked={account.isActive}
          onChange={() => setToggleActive(true)}
        />
      </Group>

      <Divider />
      <Title order={4}>{t('roles.title')}</Title>
      {account.roles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('roles.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {account.roles.map((grant) => (
            <Card key={grant.id} withBorder padding="xs">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap={6}>
                    <RoleBadge value={grant.role} />
                    {grant.position && (
                      <Badge variant="light" color="gray">
                        {t(`enums:position.${grant.position}`)}
                      </Badge>
                    )}
                  </Group>
                  {grant.unitName && (
                    <Group gap={6}>
                      <Text size="sm">{grant.unitName}</Text>
                      {grant.unitType && <UnitTypeBadge value={grant.unitType} size="xs" />}
                    </Group>
                  )}
                </Stack>
                <ActionIcon
                  color="red"
                  variant="subtle"
                  size="lg"
                  aria-label={t('roles.revoke')}
                  onClick={() => setRevoking(grant)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <GrantRoleForm accountId={account.id} />

      <Divider />
      <Title order={4}>{t('reset.title')}</Title>
      <PasswordInput
        label={t('reset.newPassword')}
        description={t('auth:password.rules')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={passwordErrors.password ?? errors.password}
        autoComplete="new-password"
      />
      {resetExplained.note}
      <Button
        variant="light"
        loading={update.isPending}
        {...resetExplained.props}
        onClick={() =>
          checkPassword() &&
          update.mutate(
            { id: account.id, body: { password } },
            {
              onSuccess: () => {
                setPassword('');
                notifications.show({ color: 'green', message: t('reset.done') });
              },
            },
          )
        }
      >
        {t('reset.submit')}
      </Button>

      <ConfirmModal
        opened={toggleActive}
        title={account.isActive ? t('deactivate.title') : t('activate.title')}
        message={
          account.isActive
            ? t('deactivate.text', { name: account.displayName })
            : t('activate.text', { name: account.displayName })
        }
        color={account.isActive ? 'red' : 'green'}
        loading={update.isPending}
        onClose={() => setToggleActive(false)}
        onConfirm={() =>
          update.mutate(
            { id: account.id, body: { isActive: !account.isActive } },
            { onSuccess: () => setToggleActive(false) },
          )
        }
      />
      <ConfirmModal
        opened={!!revoking}
        title={t('roles.revokeTitle')}
        message={
          revoking
            ? t('roles.revokeText', {
                role: t(`enums:role.${revoking.role}`),
                unit: revoking.unitName ?? '—',
                name: account.displayName,
              })
            : ''
        }
        confirmLabel={t('roles.revoke')}
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(
            { accountId: account.id, grantId: revoking.id },
            { onSuccess: () => setRevoking(null) },
          )
        }
      />
    </Stack>
  );
}

function GrantRoleForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const grant = useGrantRole();
  const [role, setRole] = useState<Role | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [position, setPosition] = useState<string | null>(null);
  const errors = fieldErrors(grant.error);
  const needsUnit = role !== null && role !== 'admin' && role !== 'member';
  const explained = useExplained(
    !role ? t('roles.pickRole') : needsUnit && !unitId ? t('roles.pickUnit') : null,
  );

  return (
    <Card withBorder padding="sm" bg="gray.0">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('roles.grant')}
        </Text>
        <Select
          label={t('roles.role')}
          data={roles.map((r) => ({ value: r, label: t(`enums:role.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          error={errors.role}
          comboboxProps={{ withinPortal: true }}
        />
        {needsUnit && (
          <UnitPicker
            label={t('roles.unit')}
            value={unitId}
            onChange={(id) => setUnitId(id)}
            error={errors.unitId}
            required
          />
        )}
        {role === 'committee_officer' && (
          <Select
            label={t('roles.position')}
            data={officerPositions.map((p) => ({ value: p, label: t(`enums:position.${p}`) }))}
            value={position}
            onChange={setPosition}
            clearable
            error={errors.position}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {explained.note}
        <Button
          {...explained.props}
          loading={grant.isPending}
          onClick={() =>
            role &&
            grant.mutate(
              {
                accountId,
                body: {
                  role,
                  unitId: needsUnit ? unitId : null,
                  position:
                    role === 'committee_officer'
                      ? ((position as (typeof officerPositions)[number] | null) ?? null)
                      : null,
                },
              },
              {
                onSuccess: () => {
                  setRole(null);
                  setUnitId(null);
                  setPosition(null);
                  notifications.show({ color: 'green', message: t('roles.granted') });
                },
              },
            )
          }
        >
          {t('roles.grantSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}
