import type { Executor } from '../../db/client';
import { newUser, type newProvinceTree } from '../../../../tests/fixtures/factories';

type Tree = Awaited<ReturnType<typeof newProvinceTree>>;

/**
 * The accounts the introductions tests log in as, on two province trees: the workplace's signer and staff,
 * another workplace, the commune of each tree and the residential cell of the first.
 */
export async function newIntroductionOfficers(
  db: Executor,
  a: Tree,
  b: Tree,
  opts: { communeEmail?: string } = {},
) {
  await newUser(db, {
    username: 'signer',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'staff',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'other.workplace',
    grants: [{ role: 'committee_officer', unitId: b.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'commune',
    ...(opts.communeEmail ? { email: opts.communeEmail } : {}),
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'commune.b',
    grants: [{ role: 'committee_officer', unitId: b.commune.id, position: 'staff' }],
  });
  await newUser(db, { username: 'cell', grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] });
}
