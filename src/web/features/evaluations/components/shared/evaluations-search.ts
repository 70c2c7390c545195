import { evaluationQueues } from '../../../../../shared/rules/evaluation';
import { enumParam, uuidParam, z } from '../../../../lib/search-params';

/** The evaluation pages keep the side, unit and tab in the URL, so a link (or a notification) opens the same view. */
export const evaluationsSearchSchema = z.object({
  side: enumParam(['cell', 'front', 'commune']),
  tab: enumParam(['forms', 'backlog']),
  /** the secretary's cell, when they have several */
  cellId: uuidParam(),
  /** from the home page: one work queue (forms to fill, to co-sign, to sign, to confirm) */
  queue: enumParam(evaluationQueues),
});

export const workplaceSearchSchema = z.object({
  unitId: uuidParam(),
  tab: enumParam(['review', 'backlog', 'noComment', 'requests']),
  /** from the home page: comments received to release, or disputes (the requests tab) */
  queue: enumParam(evaluationQueues),
});
