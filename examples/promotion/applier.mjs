// DEMO APPLIER: deploys nothing. A real applier would roll the version out to the stage; this one
// only appends what rc passed (argv in the documented order, and RC_TRACE_ID) to deployments.log.
import { appendFileSync } from 'node:fs';

const args = process.argv.slice(2);
const flag = (name) => args[args.indexOf(`--${name}`) + 1] ?? '';
const line = `${flag('mode')} ${flag('stage')} -> ${flag('version')} (previous ${flag('previous') || 'none'}, trace ${process.env.RC_TRACE_ID})`;
appendFileSync('deployments.log', `${line}\n`);
console.log(`demo applier: ${line}`);
