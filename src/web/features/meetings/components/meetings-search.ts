import { meetingQueues } from '../../../../shared/rules/meeting';
import { enumParam, textParam, uuidParam, yearParam, z } from '../../../lib/search-params';

/** The meetings pages keep the chosen cell, tab and year in the URL, so a link opens the same view. */
export const meetingsSearchSchema = z.object({
  cellId: uuidParam(),
  tab: enumParam(['upcoming', 'past', 'mine']),
  /** from the home page: only this week's meetings, or the past ones whose attendance is not recorded */
  queue: enumParam(meetingQueues),
});

export const meetingSearchSchema = z.object({
  tab: enumParam(['attendance', 'minutes']),
});

export const checkInSearchSchema = z.object({
  code: textParam(100),
});

export const complianceSearchSchema = z.object({
  unitId: uuidParam(),
  year: yearParam(),
});
