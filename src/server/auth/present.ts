import type { Action, Role } from '../../core/access/index.ts';
import { roleAllows } from '../../core/access/index.ts';

const ALL_ACTIONS: Action[] = [
  'org.manage', 'user.invite', 'user.manage', 'location.edit', 'location.read', 'survey.create', 'survey.edit',
  'survey.read', 'response.read', 'response.exclude', 'metrics.read', 'rollups.rebuild',
];

/** The actions the role allows, so the UI can hide what the server would refuse anyway. */
export const permissionsOf = (role: Role): Action[] => ALL_ACTIONS.filter((a) => roleAllows(role, a));
