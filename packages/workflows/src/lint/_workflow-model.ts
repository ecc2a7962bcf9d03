import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A scalar value as written, with the line it starts on and its source offsets. */
export interface Located {
  readonly value: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** One step of a job, reduced to what the rules read. */
export interface StepModel {
  readonly line: number;
  readonly uses: Located | null;
  readonly run: Located | null;
  readonly with: ReadonlyMap<string, Located>;
  readonly env: ReadonlyMap<string, Located>;
}

/** One job: its permissions, a reusable workflow it calls, its env and steps. */
export interface JobModel {
  readonly id: string;
  readonly line: number;
  readonly permissions: Located | ReadonlyMap<string, Located> | null;
  readonly uses: Located | null;
  readonly env: ReadonlyMap<string, Located>;
  readonly steps: readonly StepModel[];
}

/** A workflow file reduced to what rc's rules read, with 1-based line numbers. */
export interface WorkflowModel {
  readonly text: string;
  readonly triggers: readonly string[];
  readonly permissions: Located | ReadonlyMap<string, Located> | null;
  readonly permissionsLine: number;
  readonly jobs: readonly JobModel[];
  /** The 1-based line of a source offset. */
  lineAt(offset: number): number;
}

/** Parses a workflow; YAML errors come back as `{ line, message }` instead of a model. */
export function parseWorkflowModel(
  text: string,
): { ok: true; value: WorkflowModel } | { ok: false; line: number; message: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const [error] = doc.errors;
  if (error !== undefined) {
    return { ok: false, line: lineAt(error.pos[0]), message: error.message.split('\n')[0] ?? '' };
  }
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, line: 1, message: 'a workflow must be a mapping' };
  const top = entries(root, lineAt);
  const locate = (node: unknown) => located(node, lineAt);
  const jobsNode = top.get('jobs')?.node;
  const jobs = isMap(jobsNode)
    ? [...entries(jobsNode, lineAt)].map(([id, { node, line }]) => {
        const job = isMap(node) ? entries(node, lineAt) : new Map();
        const stepsNode = job.get('steps')?.node;
        const steps = isSeq(stepsNode)
          ? stepsNode.items.map((item) => {
              const step = isMap(item) ? entries(item, lineAt) : new Map<string, Entry>();
              return {
                line: lineAt(nodeStart(item)),
                uses: locate(step.get('uses')?.node),
                run: locate(step.get('run')?.node),
                with: scalars(step.get('with')?.node, lineAt),
                env: scalars(step.get('env')?.node, lineAt),
              };
            })
          : [];
        return {
          id,
          line,
          permissions: permissionsOf(job.get('permissions')?.node, lineAt),
          uses: locate(job.get('uses')?.node),
          env: scalars(job.get('env')?.node, lineAt),
          steps,
        };
      })
    : [];
  const on = top.get('on') ?? top.get('true');
  return {
    ok: true,
    value: {
      text,
      triggers: triggersOf(on?.node),
      permissions: permissionsOf(top.get('permissions')?.node, lineAt),
      permissionsLine: top.get('permissions')?.line ?? 1,
      jobs,
      lineAt,
    },
  };
}

interface Entry {
  node: unknown;
  line: number;
}

function entries(map: { items: unknown[] }, lineAt: (offset: number) => number) {
  const result = new Map<string, Entry>();
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    result.set(String(pair.key.value), { node: pair.value, line: lineAt(nodeStart(pair.key)) });
  }
  return result;
}

function scalars(node: unknown, lineAt: (offset: number) => number): Map<string, Located> {
  const result = new Map<string, Located>();
  if (!isMap(node)) return result;
  for (const [key, entry] of entries(node, lineAt)) {
    const value = located(entry.node, lineAt);
    if (value !== null) result.set(key, value);
  }
  return result;
}

function located(node: unknown, lineAt: (offset: number) => number): Located | null {
  if (!isScalar(node) || node.range == null) return null;
  const [start, end] = node.range;
  return { value: String(node.value), line: lineAt(start), start, end };
}

function permissionsOf(node: unknown, lineAt: (offset: number) => number) {
  if (node === undefined) return null;
  return isMap(node) ? scalars(node, lineAt) : located(node, lineAt);
}

function triggersOf(node: unknown): string[] {
  if (isScalar(node)) return [String(node.value)];
  if (isSeq(node)) return node.items.filter(isScalar).map((item) => String(item.value));
  if (isMap(node))
    return node.items
      .filter(isPair)
      .map((pair) => String(isScalar(pair.key) ? pair.key.value : ''));
  return [];
}

function nodeStart(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}
