import { randomUUID } from 'node:crypto';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { members, unitMemberships } from '../schema';
import {
  AWAY_ADDRESSES,
  DEMO_MEMBER_NAME,
  EXEMPT_REASONS,
  NON_WORKING_JOBS,
  NOT_INTRODUCED_REASONS,
  REORGANISATION_DATE,
} from './demo-data';
import type { DemoArea, DemoTree } from './demo-units';
import { asciiSlug, lowerFirstWord, randomPerson, type Sex } from './names';
import { addDays, addYears, randomDay, type Rng } from './random';

export type MemberRow = typeof members.$inferInsert & { id: string; fullName: string; cellId: string };
export type MembershipRow = typeof unitMemberships.$inferInsert;

export interface DemoPeople {
  members: MemberRow[];
  memberships: MembershipRow[];
  /** "Nguyễn Văn An": a working member of the power company, living in and placed in the demo cell */
  demoMember: MemberRow;
  /** secretary of the demo residential cell (a non-working member of it) */
  demoSecretary: MemberRow;
}

export const WORKING_COUNT = 300;
export const NON_WORKING_PER_AREA = 30;

const DAY = 86_400_000;

/** Unique-value generator: keeps drawing until the value is new. */
function uniqueFrom(draw: () => string): () => string {
  const seen = new Set<string>();
  return () => {
    let v = draw();
    while (seen.has(v)) v = draw();
    seen.add(v);
    return v;
  };
}

export function buildDemoPeople(tree: DemoTree, rng: Rng, now: Date): DemoPeople {
  // today and this year on Vietnam's calendar (a seed run in the evening UTC is already tomorrow there)
  const today = vnDay(now);
  const nowYear = vnYear(now);
  const cardNumber = uniqueFrom(() => `4${rng.digits(7)}`);
  const phone = uniqueFrom(() => `09${rng.digits(8)}`);
  const citizenSeen = new Set<string>();
  // CCCD: province code 040 (Nghệ An), a sex/century digit, two digits of the birth year, six random digits
  const citizenId = (sex: Sex, dob: string) => {
    const year = Number(dob.slice(0, 4));
    const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    let v: string;
    do v = `040${centuryDigit}${dob.slice(2, 4)}${rng.digits(6)}`;
    while (citizenSeen.has(v));
    citizenSeen.add(v);
    return v;
  };
  let emailSeq = 0;
  const person = () => {
    let p = randomPerson(rng);
    // Keep the demo member's name unique so a search for it finds one person.
    while (p.fullName === DEMO_MEMBER_NAME) p = randomPerson(rng);
    return p;
  };
  const lastAdmission = addDays(today, -500);

  /** Admission at 18–40, never in the last ~16 months (so the member is already official). */
  const admission = (dob: string) => {
    const birthYear = Number(dob.slice(0, 4));
    const latestYear = Math.min(birthYear + 40, nowYear - 2);
    let d = addDays(
      addYears(dob, 18 + rng.int(0, Math.max(0, latestYear - birthYear - 18))),
      rng.int(0, 300),
    );
    if (d > lastAdmission) d = lastAdmission;
    return d;
  };

  const street = (area: DemoArea) => {
    const streets = area.commune.spec.streets;
    return streets.length > 0
      ? `Số ${rng.int(1, 180)}, đường ${rng.pick(streets)}`
      : `Nhà số ${rng.int(1, 120)}, ${lowerFirstWord(area.spec.name)}`;
  };

  const membersOut: MemberRow[] = [];
  const memberships: MembershipRow[] = [];
  const workplaceCells = tree.workplaces.flatMap((w) => w.cells.map((cell) => ({ cell, workplace: w })));
  const demoArea = tree.areas[0]!;
  const power = tree.workplaces.find((w) => w.spec.code === 'NA-PCNA')!;
  const demoMemberCell = power.cells[1]!;

  // --- working members (Art. 3): Party life at a workplace cell, living in one of the communes
  let demoMember: MemberRow | undefined;
  for (let i = 0; i < WORKING_COUNT; i++) {
    const isDemo = i === 0;
    const { fullName, sex } = isDemo ? { fullName: DEMO_MEMBER_NAME, sex: 'male' as Sex } : person();
    const { cell, workplace } = isDemo
      ? { cell: demoMemberCell, workplace: power }
      : rng.pick(workplaceCells);
    const area = isDemo ? demoArea : rng.pick(tree.areas);
    const dob = isDemo ? '1985-03-14' : randomDay(rng, 1966, 2000);
    const admitted = admission(dob);
    const away = !isDemo && rng.chance(0.15);
    const registered = away
      ? { ...rng.pick(AWAY_ADDRESSES), street: null }
      : {
          province: 'Nghệ An',
          commune: area.commune.spec.adminName,
          area: area.spec.name,
          street: undefined,
        };
    const category = isDemo
      ? 'active'
      : i % 30 === 7
        ? 'exempt'
        : i % 60 === 19
          ? 'not_introduced'
          : 'active';
    const placed = category !== 'not_introduced' && (isDemo || rng.chance(2 / 3));
    const residenceStreet = street(area);
    const exemptFrom = `${nowYear - rng.int(0, 1)}-0${rng.int(1, 9)}-01`;
    const m: MemberRow = {
      id: randomUUID(),
      fullName,
      sex,
      dateOfBirth: dob,
      cardNumber: cardNumber(),
      citizenId: rng.chance(0.95) || isDemo ? citizenId(sex, dob) : null,
      phone: rng.chance(0.92) || isDemo ? phone() : null,
      email:
        rng.chance(0.4) || isDemo
          ? `${asciiSlug(fullName)}${++emailSeq}@${workplace.spec.emailDomain}`
          : null,
      dateAdmitted: admitted,
      dateOfficial: addYears(admitted, 1),
      cellId: cell.id,
      jobTitle: isDemo ? 'Kỹ sư' : rng.pick(workplace.spec.jobTitles),
      registeredProvince: registered.province,
      registeredCommune: registered.commune,
      registeredArea: registered.area,
      registeredStreet: away ? `Thôn ${rng.int(1, 12)}` : residenceStreet,
      residenceProvince: 'Nghệ An',
      residenceCommuneId: area.commune.unit.id,
      residenceAreaId: area.row.id,
      residenceStreet,
      residenceCellId: placed ? area.cell.id : null,
      category,
      categoryReason:
        category === 'exempt'
          ? rng.pick(EXEMPT_REASONS)
          : category === 'not_introduced'
            ? rng.pick(NOT_INTRODUCED_REASONS)
            : null,
      exemptFrom: category === 'exempt' ? exemptFrom : null,
      exemptTo: category === 'exempt' ? addDays(addYears(exemptFrom, 2), -1) : null,
    };
    if (isDemo) demoMember = m;
    membersOut.push(m);

    // A few members moved between workplace cells: keep the closed membership as history.
    let from = admitted;
    if (!isDemo && i % 25 === 3) {
      const previous = rng.pick(workplaceCells.filter((w) => w.cell.id !== cell.id)).cell;
      const movedOn = addDays(
        admitted,
        Math.floor(rng.next() * ((Date.parse(lastAdmission) - Date.parse(admitted)) / DAY)) + 365,
      );
      const closedOn = movedOn > today ? addDays(today, -30) : movedOn;
      memberships.push({
        memberId: m.id,
        unitId: previous.id,
        kind: 'party_cell',
        validFrom: admitted,
        validTo: closedOn,
        note: 'Chuyển sinh hoạt sang chi bộ khác trong đảng bộ',
      });
      from = addDays(closedOn, 1);
    }
    memberships.push({ memberId: m.id, unitId: cell.id, kind: 'party_cell', validFrom: from });
    if (placed) {
      const span = Math.max(0, Math.floor((now.getTime() - Date.parse('2025-08-01')) / DAY) - 7);
      memberships.push({
        memberId: m.id,
        unitId: area.cell.id,
        kind: 'residence_cell',
        validFrom: addDays(REORGANISATION_DATE, 31 + rng.int(0, span)),
      });
    }
  }

  // --- non-working members (retired, self-employed…): Party life at the residential cell of their area
  let demoSecretary: MemberRow | undefined;
  let k = 0;
  for (const area of tree.areas) {
    for (let j = 0; j < NON_WORKING_PER_AREA; j++, k++) {
      const isDemoSecretary = area === demoArea && j === 0;
      const { fullName, sex } = isDemoSecretary
        ? { fullName: 'Hoàng Văn Sơn', sex: 'male' as Sex }
        : person();
      const dob = isDemoSecretary ? '1961-05-19' : randomDay(rng, 1960, 1992);
      const admitted = admission(dob);
      const status =
        j < 2 ? 'active' : k % 75 === 40 ? 'transferred' : k % 100 === 57 ? 'deceased' : 'active';
      const residenceStreet = street(area);
      const m: MemberRow = {
        id: randomUUID(),
        fullName,
        sex,
        dateOfBirth: dob,
        cardNumber: cardNumber(),
        citizenId: rng.chance(0.95) || isDemoSecretary ? citizenId(sex, dob) : null,
        phone: rng.chance(0.85) || isDemoSecretary ? phone() : null,
        email: rng.chance(0.1) ? `${asciiSlug(fullName)}${dob.slice(2, 4)}${++emailSeq}@gmail.com` : null,
        dateAdmitted: admitted,
        dateOfficial: addYears(admitted, 1),
        cellId: area.cell.id,
        jobTitle: Number(dob.slice(0, 4)) < 1966 ? 'Hưu trí' : rng.pick(NON_WORKING_JOBS),
        registeredProvince: 'Nghệ An',
        registeredCommune: area.commune.spec.adminName,
        registeredArea: area.spec.name,
        registeredStreet: residenceStreet,
        residenceProvince: 'Nghệ An',
        residenceCommuneId: area.commune.unit.id,
        residenceAreaId: area.row.id,
        residenceStreet,
        status,
      };
      if (isDemoSecretary) demoSecretary = m;
      membersOut.push(m);
      const role =
        j === 0 ? 'secretary' : j === 1 ? 'deputy_secretary' : j === 2 ? 'committee_member' : 'member';
      const left = status === 'active' ? null : addDays(today, -rng.int(30, 400));
      memberships.push({
        memberId: m.id,
        unitId: area.cell.id,
        kind: 'party_cell',
        role,
        validFrom: admitted,
        validTo: left,
        note:
          status === 'transferred'
            ? 'Chuyển sinh hoạt đảng ra ngoài tỉnh'
            : status === 'deceased'
              ? 'Từ trần'
              : null,
      });
    }
  }

  // Each workplace cell gets a secretary: its first active member other than the demo member.
  const secretaryOf = new Set<string>();
  for (const ms of memberships) {
    if (ms.kind !== 'party_cell' || ms.validTo || ms.memberId === demoMember!.id) continue;
    const cell = workplaceCells.find((w) => w.cell.id === ms.unitId);
    if (!cell || secretaryOf.has(ms.unitId)) continue;
    secretaryOf.add(ms.unitId);
    ms.role = 'secretary';
  }

  return { members: membersOut, memberships, demoMember: demoMember!, demoSecretary: demoSecretary! };
}
