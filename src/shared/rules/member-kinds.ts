/** Where a member stands at the residence: active there, exempt, or not introduced yet. */
export const residenceCategories = ['active', 'exempt', 'not_introduced'] as const;
/** A member's status in the Party register. */
export const memberStatuses = ['active', 'transferred', 'expelled', 'removed', 'left', 'deceased'] as const;
