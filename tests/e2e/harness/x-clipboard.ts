import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClipboardPort } from '../../../src/node/services/ports';
import { clipboardMarkers } from '../../../src/node/shell/clipboard-format';

const OWNER = fileURLToPath(new URL('./x-selection-owner.py', import.meta.url));

export interface XClipboard extends ClipboardPort {
  /** The targets (formats) the clipboard's owner offers right now. */
  readonly targets: () => Promise<string[]>;
  /** The bytes of one target, as text. */
  readonly readTarget: (target: string) => Promise<string>;
}

/**
 * The system clipboard of an X display: plain writes through xclip (what Electron's clipboard
 * does on Linux for text), and codes through a small selection owner that offers the text AND
 * the Linux "do not keep" marker chosen by src/node/shell/clipboard-format.ts in one ownership,
 * as Electron's single clipboard.write does in the app. Copy tests thereby exercise a real
 * clipboard, and can read back what a clipboard manager would see.
 */
export function xClipboard(display: string): XClipboard {
  const env = { ...process.env, DISPLAY: display };
  const read = (args: string[]) =>
    new Promise<string>((resolve) => {
      execFile(
        'xclip',
        ['-selection', 'clipboard', '-out', ...args],
        { env, timeout: 2000 },
        (error, stdout) => resolve(error ? '' : stdout),
      );
    });
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
    writeSecret: (text) =>
      new Promise((resolve, reject) => {
        const markers = clipboardMarkers('linux').map(
          (m) => `${m.format}=${Buffer.from(m.data).toString('hex')}`,
        );
        // The owner lives on (like xclip's child) until another client takes the clipboard.
        const child = spawn('python3', [OWNER, ...markers], {
          env,
          stdio: ['pipe', 'pipe', 'ignore'],
        });
        child.on('error', reject);
        child.on('exit', (code) => reject(new Error(`clipboard owner exited ${code}`)));
        let said = '';
        child.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (!said.includes('\n')) return;
          if (!said.startsWith('ready')) return reject(new Error('clipboard owner failed'));
          child.stdout.destroy();
          child.unref();
          resolve();
        });
        child.stdin.end(text);
      }),
    readText: () => read([]),
    targets: async () => (await read(['-t', 'TARGETS'])).split('\n').filter(Boolean),
    readTarget: (target) => read(['-t', target]),
  };
}
