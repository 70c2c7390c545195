import { afterEach, describe, expect, it } from 'vitest';
import { reviewListSchema } from '../../../shared/contracts/evaluations';
import {
  CHI_WEAK,
  FULL_GOOD,
  type Requests,
  type Scenario,
  type Stage,
  world,
  anSigned,
  chiDelivered,
  classified,
  delivered,
  signFor,
} from './evaluations.scenario';

/**
 * Commune confirmation, delivery, release and dispute (Art. 4.5, 3.4, 3.5).
 * Each test builds its own world (evaluations.scenario.ts) up to the stage it starts from.
 */

let sc: Scenario, http: Requests, s: Scenario['s'], m: Scenario['m'], a: Scenario['a'];
const begin = async (stage?: Stage) => ({ sc, http, s, m, a } = await world(stage));
afterEach(() => sc.close());

describe('commune confirmation, delivery, release, dispute (Art. 4.5, 3.4, 3.5)', () => {
  it('returns one with a reason (new version, old kept) and confirms in batch; confirmation delivers', async () => {
    await begin(anSigned);
    const anId = await http.idOf(m.an.id);
    const meeting = { jointMeetingOn: '2026-11-20', jointMeetingParticipants: 'Chi ủy, Mặt trận' };
    const binhId = await signFor(sc, m.binh.id, { ratings: { ...FULL_GOOD, proposal: 'none' }, ...meeting });
    const chiId = await signFor(sc, m.chi.id, { ratings: CHI_WEAK, ...meeting });
    expect(
      (await http.post(s.secretary, '/api/evaluations/confirm', { evaluationIds: [anId] })).statusCode,
    ).toBe(403);
    expect(
      (
        await http.post(s.commune, '/api/evaluations/return', {
          evaluationIds: [chiId],
          reason: 'Chưa ghi rõ ý kiến khác',
        })
      ).statusCode,
    ).toBe(200);
    const returned = await http.detail(s.secretary, chiId);
    expect(returned).toMatchObject({
      status: 'returned',
      version: 2,
      returnReason: 'Chưa ghi rõ ý kiến khác',
    });
    expect(returned.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(returned.versions[0]!.signedAt).not.toBeNull();
    // batch: a form in the wrong state makes the whole batch refuse
    expect(
      (await http.post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId, chiId] }))
        .statusCode,
    ).toBe(409);
    const ok = await http.post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId] });
    expect(ok.json()).toEqual({ changed: 2, repeated: 0 });
    expect(
      (await http.post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId] })).json(),
    ).toEqual({ changed: 0, repeated: 2 });
    const w = await http.detail(s.workplace, anId);
    expect(w.status).toBe('delivered');
    expect(w.form!.ratings).toEqual(FULL_GOOD);
    expect(w.form!.flags.map((f) => f.code)).toEqual(['attendance_full_with_unexcused']);
    expect(w.verificationCode).toMatch(/^[0-9A-F]{12}$/);
    expect(w.allowedActions).toEqual(expect.arrayContaining(['release', 'answer_proposal']));
    expect(await http.notes('workplace', 'evaluation_delivered')).toHaveLength(1);
  });

  it('the workplace answers the proposal and sees the residence outcome next to its classification', async () => {
    await begin(delivered);
    const anId = await http.idOf(m.an.id);
    expect(
      (
        await http.post(s.workplace, `/api/evaluations/${anId}/proposal-answer`, {
          answer: 'accepted',
          note: 'Khen thưởng cuối năm',
        })
      ).statusCode,
    ).toBe(200);
    expect((await http.detail(s.workplace, anId)).proposalAnswer).toBe('accepted');
    expect(
      (
        await http.put(s.otherWorkplace, '/api/evaluations/classifications', {
          year: 2026,
          items: [{ memberId: m.an.id, score: 80 }],
        })
      ).statusCode,
    ).toBe(404);
    const saved = await http.put(s.workplace, '/api/evaluations/classifications', {
      year: 2026,
      items: [
        { memberId: m.an.id, score: 92 },
        { memberId: m.chi.id, score: 75 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const rv = reviewListSchema.parse(
      (await http.get(s.workplace, `/api/evaluations/review?unitId=${a.workplace.id}&year=2026`)).json(),
    );
    const an = rv.items.find((r) => r.memberId === m.an.id)!;
    expect(an).toMatchObject({
      status: 'delivered',
      score: 92,
      level: 'excellent',
      negative: false,
      contradicts: false,
    });
    const chi = rv.items.find((r) => r.memberId === m.chi.id)!;
    // Chi's form was returned: nothing delivered yet, so nothing to contradict
    expect(chi).toMatchObject({ status: 'returned', ratings: null, contradicts: false, level: 'good' });
    const xlsx = await http.get(
      s.workplace,
      `/api/evaluations/review.xlsx?unitId=${a.workplace.id}&year=2026`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('a "good" rating next to a negative residence comment is flagged for the workplace', async () => {
    await begin(classified);
    const chiId = await http.idOf(m.chi.id);
    await http.put(s.secretary, `/api/evaluations/${chiId}/form`, {
      ratings: {
        example: 'yes',
        civic: 'yes',
        attendance: 'partial',
        contact: 'irregular',
        campaigns: 'not_active',
        proposal: 'none',
      },
      otherComments: 'Ít liên hệ với tổ dân phố.',
      jointMeetingOn: '2026-11-21',
      jointMeetingParticipants: 'Chi ủy, Mặt trận',
    });
    await http.post(s.front, `/api/evaluations/${chiId}/front-sign`);
    expect((await http.post(s.secretary, `/api/evaluations/${chiId}/sign`)).statusCode).toBe(200);
    expect(
      (await http.post(s.commune, '/api/evaluations/confirm', { evaluationIds: [chiId] })).statusCode,
    ).toBe(200);
    const rv = reviewListSchema.parse(
      (
        await http.get(
          s.workplace,
          `/api/evaluations/review?unitId=${a.workplace.id}&year=2026&contradictsOnly=true`,
        )
      ).json(),
    );
    expect(rv.items.map((r) => r.memberId)).toEqual([m.chi.id]);
    expect(rv.items[0]).toMatchObject({ negative: true, contradicts: true, level: 'good' });
  });

  it('releases to the member, who disputes; the dialogue revises it as a new version', async () => {
    await begin(chiDelivered);
    const anId = await http.idOf(m.an.id);
    expect(
      (
        await http.post(s.an, `/api/evaluations/${anId}/dispute`, {
          reason: 'Tôi vắng có báo cáo trước với chi ủy.',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await http.post(s.commune, '/api/evaluations/release', { evaluationIds: [anId] })).statusCode,
    ).toBe(403);
    expect(
      (await http.post(s.workplace, '/api/evaluations/release', { evaluationIds: [anId] })).json(),
    ).toEqual({ changed: 1, repeated: 0 });
    const own = await http.detail(s.an, anId);
    expect(own.form!.ratings).toEqual(FULL_GOOD);
    const printedCode = own.verificationCode!;
    expect(
      (await sc.t.app.inject({ method: 'GET', url: `/api/verify/${printedCode}` })).json(),
    ).toMatchObject({ document: 'evaluation', valid: true, version: 1 });
    expect(own.allowedActions).toEqual(['dispute']);
    expect(own.sides).toEqual(['member']);
    expect(
      (
        await http.post(s.binh, `/api/evaluations/${anId}/dispute`, {
          reason: 'Không phải của tôi nhưng thử.',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await http.post(s.an, `/api/evaluations/${anId}/dispute`, {
          reason: 'Tôi vắng có báo cáo trước với chi ủy.',
        })
      ).statusCode,
    ).toBe(200);
    expect(await http.notes('workplace', 'evaluation_disputed')).toHaveLength(1);
    const dialogue = {
      dialogueOn: '2026-11-22',
      participants: 'Đại diện đảng ủy công ty E, đảng ủy phường E',
      notes: 'Thống nhất ghi nhận vắng có báo cáo',
      outcome: 'revised',
    };
    expect((await http.post(s.commune, `/api/evaluations/${anId}/dialogue`, dialogue)).statusCode).toBe(403);
    const res = await http.post(s.workplace, `/api/evaluations/${anId}/dialogue`, dialogue);
    expect(res.statusCode, res.body).toBe(200);
    const after = await http.detail(s.secretary, anId);
    expect(after).toMatchObject({ status: 'returned', version: 2 });
    expect(after.disputes[0]).toMatchObject({ status: 'closed', outcome: 'revised' });
    // the disputed version is kept as it was
    // the workplace still lists the version it was delivered, while the new one is with the residence side
    expect((await http.detail(s.workplace, anId)).versions.map((v) => v.version)).toEqual([1]);
    const v1 = await http.get(s.workplace, `/api/evaluations/${anId}/versions/1`);
    expect(v1.json()).toMatchObject({ version: 1, ratings: FULL_GOOD });
    expect(v1.json().confirmedAt).not.toBeNull();
    // the old code no longer verifies a changed record (new version, code cleared until confirmed again)
    expect((await http.detail(s.secretary, anId)).verificationCode).toBeNull();
    // the paper of version 1 is recognised as replaced, not as unknown or forged
    expect(
      (await sc.t.app.inject({ method: 'GET', url: `/api/verify/${printedCode}` })).json(),
    ).toMatchObject({
      document: 'evaluation',
      valid: false,
      altered: false,
      superseded: true,
      version: 1,
    });
  });
});
