import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/common';
import { memberDetailSchema, type MemberDetail } from '../../shared/contracts/members';
import { fastSerializerCompiler } from './fast-serializer';

const compile = (schema: unknown) =>
  fastSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

const member: MemberDetail = {
  id: randomUUID(),
  fullName: 'Nguyễn Văn An',
  sex: 'male',
  dateOfBirth: '1980-02-29',
  cardNumber: '40001234',
  phone: null,
  cellId: randomUUID(),
  cellName: 'Chi bộ "Phòng 3"',
  category: 'active',
  status: 'active',
  residenceCommuneId: null,
  residenceCommuneName: null,
  residenceAreaName: 'Khối 1',
  isWorking: true,
  livesAway: false,
  citizenId: null,
  email: 'an@example.vn',
  dateAdmitted: '2005-01-01',
  dateOfficial: null,
  jobTitle: 'Kỹ sư',
  workplaceCommitteeName: null,
  registeredProvince: null,
  registeredCommune: 'Xã Hưng Nguyên',
  registeredArea: null,
  registeredStreet: null,
  residenceProvince: null,
  residenceAreaId: null,
  residenceStreet: '12 Lê Lợi',
  residenceCellId: randomUUID(),
  residenceCellName: 'Chi bộ khối 1',
  categoryReason: null,
  exemptFrom: null,
  exemptTo: null,
  memberships: [
    {
      id: randomUUID(),
      unitId: randomUUID(),
      unitName: 'Chi bộ',
      kind: 'party_cell',
      role: 'member',
      validFrom: '2006-01-01',
      validTo: null,
    },
  ],
  canEdit: false,
  updatedAt: new Date().toISOString(),
} as MemberDetail;

describe('fast serializer (zod schema → fast-json-stringify)', () => {
  it('writes the same JSON as the zod serializer for a member record', () => {
    const out = compile(memberDetailSchema)(member);
    expect(JSON.parse(out)).toEqual(memberDetailSchema.parse(member));
  });

  it('writes only declared properties and refuses a record without a required one', () => {
    const out = JSON.parse(
      compile(memberDetailSchema)({ ...member, passwordHash: 'secret', internal: 1 }),
    ) as Record<string, unknown>;
    expect(out).not.toHaveProperty('passwordHash');
    expect(out).not.toHaveProperty('internal');
    const { fullName: _dropped, ...missing } = member;
    expect(() => compile(memberDetailSchema)(missing)).toThrow(/fullName/);
  });

  it('serialises the error answer of the route', () => {
    const error = { error: { code: 'not_found', message: 'Không tìm thấy' } };
    expect(JSON.parse(compile(errorResponseSchema)(error))).toEqual(errorResponseSchema.parse(error));
  });
});
