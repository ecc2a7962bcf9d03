export { resolveGatePolicy } from './resolve-gate-policy';
export { parseRolesFile, parseRolesJson } from './parse-roles-file';
export { rolesTableSource } from './roles-table-source';
export { apiRoleSource } from './api-role-source';
export { unavailableRoleSource } from './unavailable-role-source';
export { loadRoleSources } from './load-role-sources';
export { gatherPermissionFacts } from './gather-permission-facts';
export { decidePermission } from './decide-permission';
export { checkPermission } from './check-permission';

export type { CommentContext, GatePolicy, GatePolicyEnv, TeamRef } from './resolve-gate-policy';
export type { RolesTable } from './parse-roles-file';
export type { RoleEvidence, RoleSource, RoleSourceName, TeamEvidence } from './role-source';
export type { ApiRoleSourceOptions, GitHubPermissionApi } from './api-role-source';
export type { LoadRoleSourcesOptions } from './load-role-sources';
export type { PermissionFacts, RoleFact, TeamFact } from './gather-permission-facts';
export type { DecisionSource, PermissionDecision } from './permission-decision';
export type { CheckPermissionOptions } from './check-permission';
