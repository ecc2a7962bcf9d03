// Preloaded with `node --require`: prints every module Node loaded, as the process exits.
process.on('exit', () => {
  process.stderr.write(`LOADED ${process.moduleLoadList.join(',')}\n`);
});
