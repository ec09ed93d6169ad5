// A stand-in for `champion --json <mode>` in the local executor's tests: prints what the real CLI
// prints (JSON events on stdout, JSON logs on stderr) and behaves as told by its mode.
//   ok:     a progress event with a run id, the result, exit 0
//   fail:   an error log line, exit 1
//   wait:   a progress event, then waits; SIGTERM ends it with exit 1 (as an aborted training)
//   stubborn: like wait, but ignores SIGTERM
const mode = process.argv[3];
const out = (object) => process.stdout.write(`${JSON.stringify(object)}\n`);
const log = (level, message) => process.stderr.write(`${JSON.stringify({ level, message })}\n`);

if (mode === 'ok') {
  out({ event: 'progress', stage: 'log', message: 'MLflow run r1', runId: 'r1' });
  out({ event: 'trained', runId: 'r1', version: '3', decision: 'promoted' });
} else if (mode === 'fail') {
  log('error', 'cannot read missing.csv: file not found');
  process.exitCode = 1;
} else {
  out({ event: 'progress', stage: 'search', message: 'candidate 1' });
  process.on('SIGTERM', () => {
    if (mode === 'stubborn') return;
    log('error', 'training interrupted (SIGTERM)');
    process.exit(1);
  });
  setInterval(() => undefined, 1000);
}
