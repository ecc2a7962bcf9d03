import { Option } from 'commander';

/** `--log-format auto|text|json`, shared by the commands that log progress. */
export function logFormatOption(): Option {
  return new Option(
    '--log-format <format>',
    'progress on stderr: text, json (one JSON object per line) or auto (text on a terminal, else json)',
  )
    .choices(['auto', 'text', 'json'])
    .default('auto');
}

/** `--heartbeat <seconds>`, shared by the commands that log progress. */
export function heartbeatOption(): Option {
  return new Option(
    '--heartbeat <seconds>',
    'seconds between "still running" lines when stderr is not a terminal; 0 for none (default: $RC_HEARTBEAT_S, then 60)',
  );
}
