/**
 * Introductions and hand-offs between workplace and residence (Art. 2.7, 3.1, 3.2, 4.1, 4.2), in one import:
 * the schemas live by noun in introduction-*.ts.
 */
export * from './introduction-common';
export * from './introduction-letters';
export * from './introduction-queues';
export * from './introduction-residence';
