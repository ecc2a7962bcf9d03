// One contender in the stage-lock stress test, run as a child process (bundled by the test):
// it tries the lock when the parent says so, logs `enter`/`exit` with O_APPEND while it holds it,
// and releases when told. The parent paces rounds by messages, never by time.
import { appendFileSync } from 'node:fs';
import { lockOwner } from '../src/_file-lock';
import { acquireStageLock, type HeldLock } from '../src/stage-lock';

type Command = { type: 'try' | 'release'; round: number } | { type: 'stop' };

const [lockPath = '', logPath = '', id = ''] = process.argv.slice(2);
const send = (message: object) => process.send?.(message);
let held: HeldLock | null = null;

process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'stop') {
      process.disconnect();
    } else if (command.type === 'try') {
      try {
        held = await acquireStageLock({
          path: lockPath,
          stage: 'canary',
          owner: lockOwner(`run-${id}`, `trace-${id}`),
        });
        appendFileSync(logPath, `enter ${id} ${command.round}\n`, { flag: 'a' });
        send({ type: 'tried', held: true });
      } catch (error) {
        const conflict = (error as { exitCode?: number }).exitCode === 3;
        send(conflict ? { type: 'tried', held: false } : { type: 'error', error: String(error) });
      }
    } else {
      if (held !== null) {
        appendFileSync(logPath, `exit ${id} ${command.round}\n`, { flag: 'a' });
        await held.release();
        held = null;
      }
      send({ type: 'released' });
    }
  })();
});
send({ type: 'ready' });
