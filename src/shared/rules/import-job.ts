/**
 * An Excel member import, as one transition table: the upload is checked and stored (previewed), then either
 * discarded or committed in the background (committing), which ends committed or failed.
 * Every status change of an import job goes through `transition`; nothing else compares statuses.
 */

export const importJobStatuses = ['previewed', 'committing', 'committed', 'failed', 'discarded'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

export const importJobActions = ['preview', 'discard', 'commit', 'finish', 'fail'] as const;
export type ImportJobAction = (typeof importJobActions)[number];

export interface ImportJobTransition {
  action: ImportJobAction;
  /** empty: the action creates the job */
  from: readonly ImportJobStatus[];
  to: ImportJobStatus;
}

export const importJobTransitions: readonly ImportJobTransition[] = [
  // The file is parsed and every row checked; nothing is written to members yet.
  { action: 'preview', from: [], to: 'previewed' },
  // The rows go, the job stays as a record.
  { action: 'discard', from: ['previewed'], to: 'discarded' },
  // One caller wins the flip (a double submit answers 409); the import runs in the background.
  { action: 'commit', from: ['previewed'], to: 'committing' },
  { action: 'finish', from: ['committing'], to: 'committed' },
  { action: 'fail', from: ['committing'], to: 'failed' },
];

export function importJobTransition(action: ImportJobAction): ImportJobTransition {
  const t = importJobTransitions.find((x) => x.action === action);
  if (!t) throw new Error(`unknown import job action ${action}`);
  return t;
}

/** The step `action` takes from `from`, or null when the job is not in a state that allows it. */
export function transition(from: ImportJobStatus, action: ImportJobAction): ImportJobTransition | null {
  const t = importJobTransition(action);
  return t.from.includes(from) ? t : null;
}

/** Jobs that can still be committed or discarded. */
export const previewedImportStatuses = importJobTransition('commit').from;

/** Jobs whose rows were deleted: their row errors are no longer shown. */
export const rowlessImportStatuses: readonly ImportJobStatus[] = [importJobTransition('discard').to];
