/**
 * Factories shared by the tests and the demo seed: each inserts through the schema a record as the services
 * would leave it, with typed overrides, plausible Vietnamese defaults and the statuses of the transition
 * tables in src/shared/rules. Ids, numbers, codes and dates can be passed in, so the seed stays deterministic.
 */
export * from './cell-life';
export * from './evaluations';
export * from './letters';
export * from './meetings';
export * from './members';
export * from './units';
export * from './users';
