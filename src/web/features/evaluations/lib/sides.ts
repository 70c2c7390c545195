import type { Me } from '../../../../shared/contracts/auth';
import { cellGrants, communeGrants, hasRole, isAdmin } from '../../../lib/roles';

export type ResidenceSide = 'cell' | 'front' | 'commune';

/** The residence sides a user works on (Art. 4.4–4.5): the cell secretary, the Front head, the commune committee. */
export function residenceSides(me: Me): ResidenceSide[] {
  const sides: ResidenceSide[] = [];
  if (cellGrants(me).length > 0) sides.push('cell');
  if (hasRole(me, 'front_head')) sides.push('front');
  if (communeGrants(me).length > 0 || isAdmin(me)) sides.push('commune');
  return sides;
}
