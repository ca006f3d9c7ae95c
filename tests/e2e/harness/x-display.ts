import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A private X display (Xvfb) for tests that need a real screen: the system clipboard and the
 * screen-capture path. Display numbers are probed so parallel runs do not collide.
 */
export async function startXvfb(
  width = 1920,
  height = 1080,
): Promise<{ display: string; stop: () => void }> {
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc: ChildProcess = spawn(
      'Xvfb',
      [`:${n}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 50; i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, stop: () => proc.kill() };
      if (proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill();
  }
  throw new Error('Could not start Xvfb');
}
