import { Heap } from './_heap';
import { ScopeIndex } from './_scope-index';
import type { PlaybookTask } from './playbook-task';
import { scopeBase } from './scopes-overlap';

type State = 'waiting' | 'ready' | 'running' | 'held' | 'passed' | 'failed' | 'replaced';

interface Node {
  task: PlaybookTask;
  bases: string[];
  priority: number;
  pending: number;
  dependents: Node[];
  state: State;
}

const before = (a: Node, b: Node) =>
  a.priority > b.priority || (a.priority === b.priority && a.task.id < b.task.id);

/**
 * The list-scheduling core shared by the pure planner and the runner: tasks become ready when
 * their dependencies pass, and the ready task with the longest remaining critical path (ties by
 * id) starts first unless a running task's scope overlaps it. A task that is blocked waits on
 * the running task that blocks it and is reconsidered only when that one finishes, so a large
 * plan is scheduled in O(n log n) rather than rescanned at every step.
 */
export class DispatchQueue {
  readonly #nodes = new Map<string, Node>();
  readonly #ready = new Heap<Node>(before);
  readonly #blocked = new Map<string, Node[]>();
  readonly #index = new ScopeIndex();
  readonly #groups = new Map<string, Set<string>>();
  readonly #replaces = new Map<string, string>();
  #running = 0;

  constructor(tasks: readonly PlaybookTask[], duration: (task: PlaybookTask) => number) {
    for (const task of tasks)
      this.#nodes.set(task.id, {
        task,
        bases: task.scope.map(scopeBase),
        priority: 0,
        pending: 0,
        dependents: [],
        state: 'waiting',
      });
    for (const node of this.#nodes.values()) this.#link(node);
    // Longest remaining path: process tasks in reverse topological order (Kahn's algorithm).
    const order: Node[] = [];
    const indegree = new Map<Node, number>();
    for (const node of this.#nodes.values()) {
      indegree.set(node, node.pending);
      if (node.pending === 0) order.push(node);
    }
    for (let index = 0; index < order.length; index++)
      for (const dependent of (order[index] as Node).dependents) {
        const left = (indegree.get(dependent) as number) - 1;
        indegree.set(dependent, left);
        if (left === 0) order.push(dependent);
      }
    for (let index = order.length - 1; index >= 0; index--) {
      const node = order[index] as Node;
      let longest = 0;
      for (const dependent of node.dependents) longest = Math.max(longest, dependent.priority);
      node.priority = duration(node.task) + longest;
    }
    for (const node of order) if (node.pending === 0) this.#makeReady(node);
  }

  /** How many tasks are running. */
  get running(): number {
    return this.#running;
  }

  /** Starts and returns the best task that may run now, or null when none may. */
  take(): PlaybookTask | null {
    for (let node = this.#ready.pop(); node !== undefined; node = this.#ready.pop()) {
      const blocker = this.#index.conflict(node.bases);
      if (blocker !== null) {
        const waiting = this.#blocked.get(blocker);
        if (waiting === undefined) this.#blocked.set(blocker, [node]);
        else waiting.push(node);
        continue;
      }
      node.state = 'running';
      this.#running++;
      this.#index.add(node.task.id, node.bases);
      return node.task;
    }
    return null;
  }

  /**
   * Records that a running task ended. A pass unlocks its dependents; a failure leaves them
   * waiting; `held` frees the slot but keeps dependents waiting until {@link passHeld};
   * `replacements` (re-planning) stand in for the task, which passes when all of them do.
   */
  finish(
    id: string,
    outcome: 'passed' | 'failed' | 'held',
    replacements: readonly PlaybookTask[] = [],
  ): void {
    const node = this.#nodes.get(id);
    if (node === undefined || node.state !== 'running') return;
    this.#running--;
    this.#index.remove(id);
    for (const waiting of this.#blocked.get(id) ?? []) this.#ready.push(waiting);
    this.#blocked.delete(id);
    if (outcome === 'passed') this.#pass(node);
    else if (outcome === 'held') node.state = 'held';
    else if (replacements.length === 0) node.state = 'failed';
    else {
      node.state = 'replaced';
      this.#groups.set(id, new Set(replacements.map((task) => task.id)));
      for (const task of replacements) {
        const added: Node = {
          task,
          bases: task.scope.map(scopeBase),
          priority: node.priority,
          pending: 0,
          dependents: [],
          state: 'waiting',
        };
        this.#nodes.set(task.id, added);
        this.#replaces.set(task.id, id);
        this.#link(added);
        if (added.pending === 0) this.#makeReady(added);
      }
    }
  }

  /** Passes a held task (its merge went through), unlocking its dependents. */
  passHeld(id: string): void {
    const node = this.#nodes.get(id);
    if (node?.state === 'held') this.#pass(node);
  }

  /** Tasks that never started (their dependencies failed, or are unknown or cyclic). */
  unstarted(): PlaybookTask[] {
    return [...this.#nodes.values()]
      .filter((node) => node.state === 'waiting' || node.state === 'ready')
      .map((node) => node.task);
  }

  /** The state of a task by id, or undefined for an unknown id. */
  state(id: string): State | undefined {
    return this.#nodes.get(id)?.state;
  }

  #link(node: Node): void {
    for (const dependency of node.task.dependencies) {
      const parent = this.#nodes.get(dependency);
      if (parent !== undefined && parent.state === 'passed') continue;
      node.pending++;
      parent?.dependents.push(node);
    }
  }

  #makeReady(node: Node): void {
    node.state = 'ready';
    this.#ready.push(node);
  }

  #pass(node: Node): void {
    node.state = 'passed';
    for (const dependent of node.dependents)
      if (--dependent.pending === 0 && dependent.state === 'waiting') this.#makeReady(dependent);
    const parentId = this.#replaces.get(node.task.id);
    if (parentId === undefined) return;
    const group = this.#groups.get(parentId) as Set<string>;
    group.delete(node.task.id);
    if (group.size === 0) this.#pass(this.#nodes.get(parentId) as Node);
  }
}
