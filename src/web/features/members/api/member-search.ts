import { memberStatuses, residenceCategories } from '../../../../shared/rules/member-kinds';
import { enumParam, optionalParam, textParam, uuidParam, z } from '../../../lib/search-params';

/** The members page keeps its filters in the URL, so a list can be shared and survives "back". */
export const memberSearchSchema = z.object({
  q: textParam(100),
  unitId: uuidParam(),
  residenceCommuneId: uuidParam(),
  category: enumParam(residenceCategories),
  status: enumParam(memberStatuses),
  workingOnly: optionalParam(z.boolean()),
});
export type MemberSearch = z.infer<typeof memberSearchSchema>;
