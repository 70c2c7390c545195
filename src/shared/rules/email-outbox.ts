/**
 * An e-mail in the durable outbox, as one transition table: the worker sends a pending mail, or on a failure
 * reschedules it (still pending) until it gives up (failed).
 */
export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxActions = ['send', 'retry', 'giveUp'] as const;
export type OutboxAction = (typeof outboxActions)[number];

export const outboxTransitions: readonly {
  action: OutboxAction;
  from: readonly OutboxStatus[];
  to: OutboxStatus;
}[] = [
  { action: 'send', from: ['pending'], to: 'sent' },
  { action: 'retry', from: ['pending'], to: 'pending' },
  { action: 'giveUp', from: ['pending'], to: 'failed' },
];

export function outboxTransition(action: OutboxAction) {
  return outboxTransitions.find((t) => t.action === action)!;
}

export function canOutbox(action: OutboxAction, status: OutboxStatus): boolean {
  return outboxTransition(action).from.includes(status);
}

/** The mails the worker takes: those it may still send. */
export const dueOutboxStatuses: readonly OutboxStatus[] = outboxTransition('send').from;
