import { fail, ok, type Result } from '@rc/orchestrator-core';
import { oneLine } from './_one-line';
import { apiRoleSource, type GitHubPermissionApi } from './api-role-source';
import { parseRolesJson } from './parse-roles-file';
import type { GatePolicy } from './resolve-gate-policy';
import type { RoleSource, RoleSourceName } from './role-source';
import { rolesTableSource } from './roles-table-source';
import { unavailableRoleSource } from './unavailable-role-source';

/** Input of {@link loadRoleSources}; every side effect is a parameter. */
export interface LoadRoleSourcesOptions {
  policy: GatePolicy;
  /** The repository the comment was made in (`repository.owner.login`, `repository.name`). */
  repository: { owner: string; repo: string };
  /** Where `RC_ROLES_JSON` is read from. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Reads `gate.roles_file` as text. Omit it and the roles-file source knows nothing.
   * @default undefined
   */
  readFile?: (path: string) => Promise<string>;
  /**
   * The GitHub calls for the `api` source. Omit it and the api source knows nothing.
   * @default undefined
   */
  api?: GitHubPermissionApi;
}

/**
 * Builds the sources `policy.roleSources` lists, in that order. A source that cannot be used
 * (no file configured or readable, `RC_ROLES_JSON` unset, no API client) knows nothing and says
 * why; a roles document that is not valid JSON or not valid roles fails the Result (exit 2).
 */
export async function loadRoleSources(
  options: LoadRoleSourcesOptions,
): Promise<Result<RoleSource[]>> {
  const sources: RoleSource[] = [];
  const issues: string[] = [];
  for (const name of new Set(options.policy.roleSources)) {
    const source = await loadSource(name, options);
    if (source.ok) sources.push(source.value);
    else issues.push(...source.issues);
  }
  return issues.length > 0 ? fail(...issues) : ok(sources);
}

async function loadSource(
  name: RoleSourceName,
  options: LoadRoleSourcesOptions,
): Promise<Result<RoleSource>> {
  const { policy, env, readFile, api, repository } = options;
  if (name === 'api') {
    return ok(
      api === undefined
        ? unavailableRoleSource(name, 'no GitHub API client')
        : apiRoleSource(api, repository, { timeoutMs: policy.apiTimeoutMs }),
    );
  }
  if (name === 'env') {
    const text = env['RC_ROLES_JSON'];
    if (text === undefined || text.trim() === '') {
      return ok(unavailableRoleSource(name, 'RC_ROLES_JSON is not set'));
    }
    const table = parseRolesJson(text, 'RC_ROLES_JSON');
    return table.ok ? ok(rolesTableSource(name, table.value)) : table;
  }
  const path = policy.rolesFile;
  if (path === null) return ok(unavailableRoleSource(name, 'gate.roles_file is not set'));
  if (readFile === undefined) return ok(unavailableRoleSource(name, `cannot read ${path}`));
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    return ok(unavailableRoleSource(name, `cannot read ${path}: ${oneLine(error)}`));
  }
  const table = parseRolesJson(text, path);
  return table.ok ? ok(rolesTableSource(name, table.value)) : table;
}
