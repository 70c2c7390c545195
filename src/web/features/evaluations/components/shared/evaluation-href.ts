import type { Me } from '../../../../../shared/contracts/auth';
import { paths } from '../../../../app/paths';
import { canSeeResidenceEvaluations, workplaceGrants } from '../../../../lib/roles';

/** Where "back" leads from one evaluation: the reader's own list of them. */
export function evaluationListHref(me: Me, e: { memberId: string }): { to: string; label: string } {
  if (me.user.memberId === e.memberId) return { to: paths.myEvaluation, label: 'mine.title' };
  if (!canSeeResidenceEvaluations(me) && workplaceGrants(me).length > 0)
    return { to: paths.evaluationsWorkplace, label: 'workplace.title' };
  return { to: paths.evaluations, label: 'list.title' };
}
