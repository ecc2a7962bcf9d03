// The local dispatch target of the example repository (dispatch.local_command): a stand-in for
// the runner workflow, so `rc orchestrator dispatch --trigger local` works offline. It reads the
// envelope rc wrote and says what a real runner would start.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? process.env.RC_ENVELOPE_PATH;
const envelope = JSON.parse(readFileSync(path, 'utf8'));
console.log(
  `local runner: would start ${envelope.plan.workflow.file} for issue #${envelope.issue_number} ` +
    `with ${envelope.plan.prompt.path} (run ${envelope.plan.run_id})`,
);
