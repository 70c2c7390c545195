import { afterEach, describe, expect, it } from 'vitest';
import { evaluationDetailSchema } from '../../../shared/contracts/evaluations';
import {
  FULL_GOOD,
  type Requests,
  type Scenario,
  type Stage,
  world,
  anSigned,
  selfReported,
} from './evaluations.scenario';

/**
 * The form: evidence, flags and signatures (Art. 4.4).
 * Each test builds its own world (evaluations.scenario.ts) up to the stage it starts from.
 */

let sc: Scenario, http: Requests, s: Scenario['s'], m: Scenario['m'];
const begin = async (stage?: Stage) => ({ sc, http, s, m } = await world(stage));
afterEach(() => sc.close());

describe('the form: evidence, flags, signatures (Art. 4.4)', () => {
  it('shows the record next to the criteria; a rating that contradicts it needs a justification before signing', async () => {
    await begin(selfReported);
    const id = await http.idOf(m.an.id);
    const before = await http.detail(s.secretary, id);
    expect(before.evidence).toMatchObject({
      meetingsHeld: 1,
      meetingsAttended: 0,
      unexcusedAbsences: 1,
      selfReported: 1,
    });
    // others may not draft
    expect((await http.put(s.front, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode).toBe(
      403,
    );
    expect(
      (await http.put(s.otherCell, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode,
    ).toBe(404);
    expect(
      (
        await http.put(s.secretary, `/api/evaluations/${id}/form`, {
          ratings: { ...FULL_GOOD, attendance: 'always' },
        })
      ).statusCode,
    ).toBe(422);
    const saved = await http.put(s.secretary, `/api/evaluations/${id}/form`, {
      ratings: FULL_GOOD,
      jointMeetingOn: '2026-11-20',
      jointMeetingParticipants: 'Chi ủy, ban công tác Mặt trận khối E1',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = evaluationDetailSchema.parse(saved.json());
    expect(d.status).toBe('drafted');
    expect(d.form!.flags.map((f) => f.code)).toEqual(['attendance_full_with_unexcused']);
    // the Front head co-signs, then the secretary still cannot sign without a justification
    expect((await http.post(s.otherFront, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(404);
    expect((await http.post(s.front, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(200);
    const refused = await http.post(s.secretary, `/api/evaluations/${id}/sign`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toHaveProperty(['justifications.attendance']);
    // justifying changes the draft, so the co-signature is cleared and must be given again
    await http.put(s.secretary, `/api/evaluations/${id}/form`, {
      ratings: FULL_GOOD,
      justifications: { attendance: 'Vắng buổi tháng 5 do đi công tác đột xuất, đã báo miệng chi ủy.' },
      jointMeetingOn: '2026-11-20',
      jointMeetingParticipants: 'Chi ủy, ban công tác Mặt trận khối E1',
    });
    expect((await http.post(s.secretary, `/api/evaluations/${id}/sign`)).statusCode).toBe(409);
    expect((await http.post(s.front, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(200);
    const signed = await http.post(s.secretary, `/api/evaluations/${id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    const sd = evaluationDetailSchema.parse(signed.json());
    expect(sd).toMatchObject({ status: 'signed', proposal: 'commend' });
    expect(sd.form!.flags).toHaveLength(1);
    // no change after signing except through revision
    expect(
      (await http.put(s.secretary, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode,
    ).toBe(409);
    expect(
      (await http.put(s.an, '/api/self-reports/mine', { year: 2026, duties: { '1': 'sửa' } })).statusCode,
    ).toBe(409);
  });

  it('the workplace sees the request but not the draft content; the member sees nothing of it yet', async () => {
    await begin(anSigned);
    const id = await http.idOf(m.an.id);
    const w = await http.detail(s.workplace, id);
    expect(w.status).toBe('signed');
    expect(w.form).toBeNull();
    const own = await http.detail(s.an, id);
    expect(own.form).toBeNull();
    expect(own.flags).toEqual([]);
    expect((await http.get(s.binh, `/api/evaluations/${id}`)).statusCode).toBe(404);
  });
});
