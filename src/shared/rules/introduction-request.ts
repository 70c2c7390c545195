/**
 * "Known here, no letter" (Art. 4.1), as one transition table: the commune asks, the workplace answers with a
 * letter or declines. A request sent again while open is the same request (decision 0012).
 */

export const requestStatuses = ['open', 'fulfilled', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestActions = ['ask', 'fulfil', 'decline'] as const;
export type RequestAction = (typeof requestActions)[number];

export interface RequestTransition {
  action: RequestAction;
  /** empty: the action creates the request */
  from: readonly RequestStatus[];
  to: RequestStatus;
}

export const requestTransitions: readonly RequestTransition[] = [
  { action: 'ask', from: [], to: 'open' },
  // the workplace drafts (and may issue) a letter for the member it recognises
  { action: 'fulfil', from: ['open'], to: 'fulfilled' },
  { action: 'decline', from: ['open'], to: 'declined' },
];

export function requestTransition(action: RequestAction): RequestTransition {
  return requestTransitions.find((t) => t.action === action)!;
}

/** The statuses a request can still be answered in (one open request per person, migration 0013). */
export const openRequestStatuses = requestTransition('fulfil').from;
