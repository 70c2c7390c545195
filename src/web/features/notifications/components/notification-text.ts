import type { TFunction } from 'i18next';
import type { Notification } from '../../../../shared/contracts/notifications';

const knownKinds = ['welcome', 'role_granted', 'role_revoked', 'import_committed', 'unit_merged', 'unit_dissolved'];

/** Notifications carry a kind and params; the words are ours, in the reader's language. */
export function notificationText(t: TFunction, n: Notification): { title: string; body: string } {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.params)) params[key] = value ?? '';
  if (typeof params.role === 'string')
    params.roleLabel = t(`enums:role.${params.role}`, { defaultValue: params.role });
  if (knownKinds.includes(n.kind)) {
    return {
      title: t(`notifications:kinds.${n.kind}.title`, params),
      body: t(`notifications:kinds.${n.kind}.body`, params),
    };
  }
  return {
    title: t('notifications:kinds.generic.title'),
    body: t('notifications:kinds.generic.body', { kind: n.kind }),
  };
}
