import type { Executor } from './db/client';
import type { Actor } from './http/actor';
import { assignPendingCells, cancelEvaluationsOfEndedMember } from './modules/evaluations/placement';

/**
 * Cross-module effects (issue 13, decision 0016): a module that causes an event calls a hook on its deps and
 * never imports the modules that react; those export listeners, and the wiring below says who listens to what.
 * Each hook runs its listeners in order, inside the caller's transaction: a listener that throws rolls the
 * caller's change back with its own.
 */

/** A notice ended the member's residence activity (Art. 3.2: expelled, removed from the roll, left the Party). */
export interface MembershipEnded {
  /** who sent the notice, for the audit entries of what follows */
  actor: Actor | null;
  memberId: string;
  /** the notice's kind */
  reason: string;
}

export interface MemberHooks {
  /** members were placed in residential cells (their residence cell is already set) */
  membersPlaced(tx: Executor, memberIds: string[]): Promise<void>;
  membershipEnded(tx: Executor, ended: MembershipEnded): Promise<void>;
}

export type Listener<E> = (tx: Executor, event: E) => Promise<void>;

/** The listeners of each hook, in the order they run. */
export type MemberListeners = { [K in keyof MemberHooks]: Listener<Parameters<MemberHooks[K]>[1]>[] };

function inOrder<E>(listeners: Listener<E>[]): Listener<E> {
  return async (tx, event) => {
    for (const listener of listeners) await listener(tx, event);
  };
}

export function createMemberHooks(listeners: MemberListeners): MemberHooks {
  return {
    membersPlaced: inOrder(listeners.membersPlaced),
    membershipEnded: inOrder(listeners.membershipEnded),
  };
}

/** The application's wiring: buildApp puts it on the routes' context. */
export function memberHooks(): MemberHooks {
  return createMemberHooks({
    membersPlaced: [assignPendingCells],
    membershipEnded: [cancelEvaluationsOfEndedMember],
  });
}
