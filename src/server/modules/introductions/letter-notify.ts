import type { Executor } from '../../db/client';
import { isNotificationKind } from '../../../shared/contracts/notifications';
import { usersOnUnits, usersOfMembers } from '../notifications/recipients.service';
import { formatLetterNumber } from '../../../shared/rules/introduction-letter';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import * as repo from './letters.repository';

/** Who hears about a letter's step (the next actor first, per the transition table's `notify`). */

export const letterLink = (id: string) => `/introductions/letters/${id}`;

/**
 * A batch step tells each person once: several notices of the same kind to one user become one
 * `<kind>_many` notice with the count (5,000 placements must not mean 5,000 notices to one secretary).
 */
export function onePerPerson(items: NotificationItem[], link: string): NotificationItem[] {
  const byUser = new Map<string, NotificationItem[]>();
  for (const n of items)
    byUser.set(`${n.userId}|${n.kind}`, [...(byUser.get(`${n.userId}|${n.kind}`) ?? []), n]);
  return [...byUser.values()].map((list) => {
    const first = list[0]!;
    if (list.length === 1) return first;
    const shared = Object.fromEntries(
      Object.entries(first.params ?? {}).filter(
        ([k, v]) => k !== 'member' && list.every((n) => n.params?.[k] === v),
      ),
    );
    const many = `${first.kind}_many`;
    if (!isNotificationKind(many)) throw new Error(`no notification kind ${many}`);
    return {
      userId: first.userId,
      kind: many,
      params: { ...shared, count: list.length },
      link,
    };
  });
}

export interface IssuedLetter {
  id: string;
  unitId: string;
  memberId: string;
  communeId: string;
  number: number;
}

/** Art. 3.1: the receiving communes (once per batch) and the members hear of the issued letters. */
export async function notifyIssued(tx: Executor, issued: IssuedLetter[]) {
  if (issued.length === 0) return;
  const names = await repo.letterNames(
    tx,
    issued.map((i) => i.id),
  );
  const byId = new Map(names.map((n) => [n.id, n]));
  const items: NotificationItem[] = [];
  // The commune hears once per batch, not once per letter.
  const perCommune = new Map<string, IssuedLetter[]>();
  for (const l of issued) perCommune.set(l.communeId, [...(perCommune.get(l.communeId) ?? []), l]);
  const officers = await usersOnUnits(tx, 'committee_officer', [...perCommune.keys()]);
  for (const o of officers) {
    const letters = perCommune.get(o.unitId)!;
    const first = byId.get(letters[0]!.id)!;
    items.push(
      letters.length === 1
        ? {
            userId: o.userId,
            kind: 'letter_issued',
            params: {
              member: first.member,
              number: formatLetterNumber(letters[0]!.number),
              issuer: first.issuer,
            },
            link: letterLink(first.id),
          }
        : {
            userId: o.userId,
            kind: 'letters_issued',
            params: { count: letters.length, issuer: first.issuer },
            link: '/introductions/inbox',
          },
    );
  }
  for (const u of await usersOfMembers(
    tx,
    issued.map((l) => l.memberId),
  )) {
    const l = issued.find((x) => x.memberId === u.memberId)!;
    items.push({
      userId: u.userId,
      kind: 'my_letter_issued',
      params: { number: formatLetterNumber(l.number), commune: byId.get(l.id)!.commune },
      link: '/my-residence',
    });
  }
  await notifyEach(tx, items, { email: true });
}

/** The issuing committee hears of the commune's and the cell's steps. */
export async function notifyWorkplace(
  tx: Executor,
  letterIds: string[],
  kind: 'letter_received' | 'letter_placed' | 'letter_rejected' | 'letter_acknowledged',
) {
  if (letterIds.length === 0) return;
  const rows = await repo.letterNames(tx, letterIds);
  const officers = await usersOnUnits(
    tx,
    'committee_officer',
    rows.map((r) => r.issuingUnitId),
  );
  const items: NotificationItem[] = [];
  for (const r of rows)
    for (const o of officers.filter((x) => x.unitId === r.issuingUnitId))
      items.push({
        userId: o.userId,
        kind,
        params: { member: r.member, commune: r.commune, cell: r.cell, reason: r.reason },
        link: letterLink(r.id),
      });
  await notifyEach(tx, onePerPerson(items, '/introductions'));
}

/** Art. 4.1: the secretaries of the cells members were placed in hear of their arrival. */
export async function notifyArrivals(tx: Executor, letterIds: string[]) {
  if (letterIds.length === 0) return;
  const rows = await repo.letterNames(tx, letterIds);
  const secretaries = await usersOnUnits(
    tx,
    'cell_secretary',
    rows.map((r) => r.cellId!),
  );
  const items: NotificationItem[] = [];
  for (const r of rows)
    for (const s of secretaries.filter((x) => x.unitId === r.cellId))
      items.push({
        userId: s.userId,
        kind: 'letter_arrival',
        params: { member: r.member, commune: r.commune },
        link: '/introductions/cell',
      });
  await notifyEach(tx, onePerPerson(items, '/introductions/cell'), { email: true });
}

/** Art. 4.2: the member learns their cell and whom to contact there. */
export async function notifyCellReady(tx: Executor, rows: { memberId: string; cellId: string }[]) {
  const contacts = new Map(
    (
      await repo.cellContacts(
        tx,
        rows.map((r) => r.cellId),
      )
    ).map((c) => [c.cellId, c]),
  );
  const items: NotificationItem[] = [];
  for (const u of await usersOfMembers(
    tx,
    rows.map((r) => r.memberId),
  )) {
    const c = contacts.get(rows.find((r) => r.memberId === u.memberId)!.cellId)!;
    items.push({
      userId: u.userId,
      kind: 'my_cell_ready',
      params: {
        cell: c.cellName,
        secretary: c.secretaryName,
        secretaryPhone: c.secretaryPhone,
        meetingPlace: c.meetingPlace,
      },
      link: '/my-residence',
    });
  }
  await notifyEach(tx, items, { email: true });
}
