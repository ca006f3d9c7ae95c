import { runCli } from './run';
import { processStdin } from './stdin';

// The process entry point of `latchkey`; everything testable lives in run.ts.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stdoutIsTTY: process.stdout.isTTY === true,
  stdin: processStdin(),
  now: () => Date.now(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
