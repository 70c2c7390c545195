import type { Me } from '../../../../../shared/contracts/auth';
import { paths } from '../../../../app/paths';
import { cellGrants, communeGrants, isAdmin, workplaceGrants } from '../../../../lib/roles';

/** Where "back" leads from a letter: the hub of the reader's side. */
export function hubFor(me: Me): { to: string; label: string } {
  if (isAdmin(me) || workplaceGrants(me).length > 0)
    return { to: paths.introductions, label: 'common:nav.introductions' };
  if (communeGrants(me).length > 0)
    return { to: paths.introductionsInbox, label: 'common:nav.introductionsInbox' };
  if (cellGrants(me).length > 0)
    return { to: paths.introductionsCell, label: 'common:nav.introductionsCell' };
  return { to: paths.myResidence, label: 'common:nav.myResidence' };
}
