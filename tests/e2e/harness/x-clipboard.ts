import { execFile, spawn } from 'node:child_process';
import type { ClipboardPort } from '../../../src/node/services/ports';

/**
 * The system clipboard of an X display through xclip: what Electron's clipboard module does
 * on Linux, so copy tests exercise a real clipboard rather than a variable.
 */
export function xClipboard(display: string): ClipboardPort {
  const env = { ...process.env, DISPLAY: display };
  return {
    writeText: (text) =>
      new Promise((resolve, reject) => {
        // xclip forks a child that owns the selection and exits itself once stdin is read.
        const child = spawn('xclip', ['-selection', 'clipboard', '-in'], {
          env,
          stdio: ['pipe', 'ignore', 'ignore'],
        });
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`xclip exited ${code}`)),
        );
        child.stdin.end(text);
      }),
    readText: () =>
      new Promise((resolve) => {
        execFile(
          'xclip',
          ['-selection', 'clipboard', '-out'],
          { env, timeout: 2000 },
          (error, stdout) => resolve(error ? '' : stdout),
        );
      }),
  };
}
