import { acquireDataLock } from '../../../src/node/data-lock';

// Child for vault-client.test.ts: takes the data folder's write lock the way the running app
// does (role in argv[3]), says "held", and keeps it until its standard input closes.
const [dir, role] = process.argv.slice(2) as [string, 'app' | 'cli'];
const taken = await acquireDataLock(dir, role);
if (!taken.ok) {
  process.stdout.write(`busy ${JSON.stringify(taken.holder)}\n`);
  process.exit(1);
}
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => void taken.lock.release().then(() => process.exit(0)));
