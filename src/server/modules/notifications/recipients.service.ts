import * as repo from './recipients.repository';

/**
 * Who is told: the user accounts behind roles on units and behind members. Other modules ask here (not the
 * repository) when they address a notification.
 */
export const usersOnUnits = repo.usersOnUnits;
export const usersOfMembers = repo.usersOfMembers;
