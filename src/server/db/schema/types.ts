import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree` (materialised path of org-unit ids); see docs/decisions/0003-org-tree-model.md */
export const ltree = customType<{ data: string }>({
  dataType: () => 'ltree',
});

/** PostgreSQL `citext`: case-insensitive text for logins */
export const citext = customType<{ data: string }>({
  dataType: () => 'citext',
});
