export * from './org-units';
export * from './members';
export * from './accounts';
export * from './audit';
export * from './notifications';
export * from './imports';
export * from './introductions';
export * from './meetings';
