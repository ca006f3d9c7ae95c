import { runCli } from './run';

// The process entry point of `latchkey`; everything testable lives in run.ts.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => Date.now(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
