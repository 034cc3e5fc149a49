import { ACTIONS, roleAllows, type Action, type Role } from '../../core/access/index.ts';

/** The actions the role allows, so the UI can hide what the server would refuse anyway. */
export const permissionsOf = (role: Role): Action[] => ACTIONS.filter((a) => roleAllows(role, a));
