import type { Evidence, EvidenceMetric } from '../../../../shared/rules/evaluation-rules';

export interface EvidenceLine {
  /** key under `evidence.` in the evaluations namespace */
  key: string;
  params: Record<string, number>;
  /** the figure speaks against the member (absences, warnings, no self-report): shown in red */
  concern: boolean;
}

const MEETING_METRICS = new Set<EvidenceMetric>(['meetingsHeld', 'meetingsAttended', 'attendanceRate']);

/**
 * The figures a criterion shows, as short phrases ("Dự 0/1 buổi sinh hoạt · 1 buổi vắng không lý do").
 * Held and attended meetings read as one phrase; the rate is left out when both counts are shown.
 */
export function evidenceLines(
  metrics: readonly EvidenceMetric[],
  evidence: Partial<Evidence>,
): EvidenceLine[] {
  const has = (m: EvidenceMetric) => metrics.includes(m) && typeof evidence[m] === 'number';
  const value = (m: EvidenceMetric) => evidence[m] ?? 0;
  const lines: EvidenceLine[] = [];
  const both = has('meetingsHeld') && has('meetingsAttended');
  // No meeting held in the year: no count and no rate (a rate of 100 % would claim an attendance that never
  // happened), one phrase instead, however many of the meeting figures the criterion shows.
  const noMeeting = evidence.meetingsHeld === 0;
  for (const m of metrics) {
    if (!has(m)) continue;
    const v = value(m);
    if (noMeeting && MEETING_METRICS.has(m)) {
      if (!lines.some((l) => l.key === 'noMeetings'))
        lines.push({ key: 'noMeetings', params: {}, concern: false });
      continue;
    }
    switch (m) {
      case 'meetingsHeld':
        if (both)
          lines.push({
            key: 'attendedOfHeld',
            params: { attended: value('meetingsAttended'), held: v },
            concern: value('meetingsAttended') < v,
          });
        else lines.push({ key: 'meetingsHeld', params: { count: v }, concern: false });
        break;
      case 'meetingsAttended':
        if (!both) lines.push({ key: 'meetingsAttended', params: { count: v }, concern: v === 0 });
        break;
      case 'attendanceRate':
        if (!both) lines.push({ key: 'attendanceRate', params: { value: v }, concern: v < 50 });
        break;
      case 'selfReported':
        lines.push({ key: v > 0 ? 'selfReported' : 'notSelfReported', params: {}, concern: v === 0 });
        break;
      case 'unexcusedAbsences':
      case 'openWarnings':
      case 'warningsThisYear':
        lines.push({ key: m, params: { count: v }, concern: v > 0 });
        break;
      case 'confirmedContributions':
      case 'contributionDays':
        lines.push({ key: m, params: { count: v }, concern: false });
        break;
    }
  }
  return lines;
}
