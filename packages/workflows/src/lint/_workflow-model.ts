import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

/** A scalar value as written, with the line it starts on and its source offsets. */
export interface Located {
  readonly value: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** One step of a job (or of a composite action), reduced to what the rules read. */
export interface StepModel {
  readonly line: number;
  readonly id: string | null;
  readonly uses: Located | null;
  readonly run: Located | null;
  readonly if: Located | null;
  readonly continueOnError: Located | null;
  readonly with: ReadonlyMap<string, Located>;
  readonly env: ReadonlyMap<string, Located>;
}

export type Permissions = Located | ReadonlyMap<string, Located> | null;

/** One job: its permissions, runner, needs, outputs, a reusable workflow it calls, env, steps. */
export interface JobModel {
  readonly id: string;
  readonly line: number;
  readonly permissions: Permissions;
  readonly uses: Located | null;
  readonly if: Located | null;
  /** Every scalar under `runs-on:` (a label, a list of labels, or `group`/`labels`). */
  readonly runsOn: readonly Located[];
  readonly needs: readonly string[];
  readonly outputs: ReadonlyMap<string, Located>;
  readonly secrets: Located | ReadonlyMap<string, Located> | null;
  readonly env: ReadonlyMap<string, Located>;
  readonly steps: readonly StepModel[];
}

/**
 * A workflow file (or a composite action's action.yml, as one job named "(composite)") reduced
 * to what rc's rules read, with 1-based line numbers. YAML anchors, aliases and `<<` merge keys
 * are followed, so a `run:` behind an alias is seen where the anchor defines it.
 */
export interface WorkflowModel {
  readonly kind: 'workflow' | 'action';
  readonly text: string;
  readonly triggers: readonly string[];
  readonly permissions: Permissions;
  readonly env: ReadonlyMap<string, Located>;
  readonly jobs: readonly JobModel[];
  /** The 1-based line of a source offset. */
  lineAt(offset: number): number;
}

interface Entry {
  node: unknown;
  line: number;
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
  const reader = new Reader(doc, lineAt);
  const root = reader.deref(doc.contents);
  if (!isMap(root)) return { ok: false, line: 1, message: 'a workflow must be a mapping' };
  const top = reader.entries(root);
  const runs = reader.entries(top.get('runs')?.node);
  const kind = !top.has('jobs') && runs.size > 0 ? 'action' : 'workflow';
  const jobs =
    kind === 'action'
      ? [
          reader.job('(composite)', {
            node: top.get('runs')?.node,
            line: top.get('runs')?.line ?? 1,
          }),
        ]
      : [...reader.entries(top.get('jobs')?.node)].map(([id, entry]) => reader.job(id, entry));
  const on = top.get('on') ?? top.get('true');
  return {
    ok: true,
    value: {
      kind,
      text,
      triggers: reader.keysOrScalars(on?.node),
      permissions: reader.permissions(top.get('permissions')?.node),
      env: reader.scalars(top.get('env')?.node),
      jobs,
      lineAt,
    },
  };
}

class Reader {
  constructor(
    private readonly doc: Document,
    readonly lineAt: (offset: number) => number,
  ) {}

  deref(node: unknown, depth = 0): unknown {
    return isAlias(node) && depth < 20 ? this.deref(node.resolve(this.doc), depth + 1) : node;
  }

  entries(node: unknown, depth = 0): Map<string, Entry> {
    const result = new Map<string, Entry>();
    const map = this.deref(node);
    if (!isMap(map) || depth > 20) return result;
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key === '<<') {
        const sources = isSeq(this.deref(pair.value))
          ? (this.deref(pair.value) as { items: unknown[] }).items
          : [pair.value];
        for (const source of sources)
          for (const [name, entry] of this.entries(source, depth + 1))
            if (!result.has(name)) result.set(name, entry);
        continue;
      }
      result.set(key, { node: pair.value, line: this.lineAt(nodeStart(pair.key)) });
    }
    return result;
  }

  located(node: unknown): Located | null {
    const scalar = this.deref(node);
    if (!isScalar(scalar) || scalar.range == null) return null;
    const [start, end] = scalar.range;
    return { value: String(scalar.value), line: this.lineAt(start), start, end };
  }

  scalars(node: unknown): Map<string, Located> {
    const result = new Map<string, Located>();
    for (const [key, entry] of this.entries(node)) {
      const value = this.located(entry.node);
      if (value !== null) result.set(key, value);
    }
    return result;
  }

  /** Every scalar in a node, depth first. */
  allScalars(node: unknown, depth = 0): Located[] {
    const value = this.deref(node);
    if (depth > 20) return [];
    if (isScalar(value)) return [this.located(value)].filter((item) => item !== null);
    if (isSeq(value)) return value.items.flatMap((item) => this.allScalars(item, depth + 1));
    if (isMap(value))
      return [...this.entries(value).values()].flatMap((entry) =>
        this.allScalars(entry.node, depth + 1),
      );
    return [];
  }

  keysOrScalars(node: unknown): string[] {
    const value = this.deref(node);
    if (isMap(value)) return [...this.entries(value).keys()];
    return this.allScalars(value).map((item) => item.value);
  }

  permissions(node: unknown): Permissions {
    if (node === undefined) return null;
    return isMap(this.deref(node)) ? this.scalars(node) : this.located(node);
  }

  job(id: string, { node, line }: Entry): JobModel {
    const job = this.entries(node);
    const stepsNode = this.deref(job.get('steps')?.node);
    const steps = isSeq(stepsNode) ? stepsNode.items.map((item) => this.step(item)) : [];
    const secrets = job.get('secrets')?.node;
    return {
      id,
      line,
      permissions: this.permissions(job.get('permissions')?.node),
      uses: this.located(job.get('uses')?.node),
      if: this.located(job.get('if')?.node),
      runsOn: this.allScalars(job.get('runs-on')?.node),
      needs: this.allScalars(job.get('needs')?.node).map((item) => item.value),
      outputs: this.scalars(job.get('outputs')?.node),
      secrets: secrets === undefined ? null : (this.permissions(secrets) ?? null),
      env: this.scalars(job.get('env')?.node),
      steps,
    };
  }

  step(item: unknown): StepModel {
    const step = this.entries(item);
    return {
      line: this.lineAt(nodeStart(this.deref(item))),
      id: this.located(step.get('id')?.node)?.value ?? null,
      uses: this.located(step.get('uses')?.node),
      run: this.located(step.get('run')?.node),
      if: this.located(step.get('if')?.node),
      continueOnError: this.located(step.get('continue-on-error')?.node),
      with: this.scalars(step.get('with')?.node),
      env: this.scalars(step.get('env')?.node),
    };
  }
}

function nodeStart(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}
