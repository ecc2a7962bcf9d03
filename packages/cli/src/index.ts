export { run } from './run';
export { processIo } from './process-io';
export { VERSION } from './version';
export type { CliIo, TextSink } from './cli-io';
export type { ProcessIoOptions, ProcessLike } from './process-io';
