import { describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../src/shared/bridge';
import { createServices } from '../../../src/node/services/container';
import { noShell } from '../../../src/node/services/shell-port';
import { routeOpenUrl, routeSecondInstance } from '../../../src/node/shell/link-routing';
import { tempDir, WEAK } from '../vault/helpers';

const LINK = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

async function setup(unlocked: boolean) {
  const { dir, cleanup } = tempDir();
  const staged: EventPayloads['link-staged'][] = [];
  let shown = 0;
  const services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: {
      emit: (event, payload) =>
        event === 'link-staged' && staged.push(payload as EventPayloads['link-staged']),
    },
    dataDir: dir,
    keychain: null,
    appVersion: 'test',
    vaultOptions: WEAK,
    shell: { ...noShell, showWindow: () => void shown++ },
  });
  await services.vault.create({ keychain: false, password: 'correct horse battery staple' });
  if (unlocked) services.unlocked();
  else await services.vault.lock();
  return { services, staged, shown: () => shown, cleanup };
}

describe('links from the desktop', () => {
  it('unlocked: staged at once (like a scan), the window shown, nothing added', async () => {
    const { services, staged, shown, cleanup } = await setup(true);
    services.links.open(routeOpenUrl(LINK));
    expect(shown()).toBe(1);
    expect(staged).toHaveLength(1);
    expect(staged[0]!.view.items).toMatchObject([
      { issuer: 'GitHub', name: 'alice', source: 'Link' },
    ]);
    expect(services.accounts.list()).toEqual([]);
    cleanup();
  });

  it('locked: kept in memory until the next unlock, then staged', async () => {
    const { services, staged, cleanup } = await setup(false);
    services.links.open(
      routeSecondInstance(['/usr/bin/latchkey', LINK, 'otpauth://totp/x?issuer=Bad']),
    );
    expect(staged).toEqual([]);
    await services.vault.unlockWithPassword('correct horse battery staple');
    services.unlocked();
    expect(staged).toHaveLength(1);
    const { items, problems } = staged[0]!.view;
    expect(items.map((i) => i.source)).toEqual(['Link 1']);
    expect(problems).toMatchObject([{ source: 'Link 2', error: { code: 'uri.secret-missing' } }]);
    services.unlocked();
    expect(staged).toHaveLength(1); // staged once, not on every unlock
    cleanup();
  });

  it('a launch without links only shows the window', async () => {
    const { services, staged, shown, cleanup } = await setup(true);
    services.links.open(routeSecondInstance(['/usr/bin/latchkey']));
    expect([shown(), staged.length]).toEqual([1, 0]);
    cleanup();
  });
});
