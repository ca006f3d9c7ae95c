import type { CliStdin } from './io';

/** Standard input of this process, for the credentials and confirmations of io.ts. */
export function processStdin(): CliStdin {
  let all: Promise<string> | null = null;
  return {
    isTTY: process.stdin.isTTY === true,
    readAll: () => (all ??= readAll()),
    ask: (question, hidden) => ask(question, hidden),
  };
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads one line from the terminal with echo off when `hidden` (raw mode: nothing typed is shown,
 * not even stars). The question goes to stderr so stdout stays clean for scripts. Ctrl-C stops
 * the command (exit 130, as shells report SIGINT).
 */
function ask(question: string, hidden: boolean): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve) => {
    let line = '';
    const wasRaw = input.isRaw;
    // Echo goes off BEFORE the question shows, so nothing typed (or pasted) early is echoed.
    input.setRawMode(true);
    process.stderr.write(question);
    input.setEncoding('utf8');
    input.resume();
    const finish = (answer: string) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(line);
        if (ch === '\u0003') {
          input.setRawMode(wasRaw);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') {
          line = [...line].slice(0, -1).join('');
          if (!hidden) process.stderr.write('\b \b');
        } else if (ch >= ' ') {
          line += ch;
          if (!hidden) process.stderr.write(ch);
        }
      }
    };
    input.on('data', onData);
  });
}
