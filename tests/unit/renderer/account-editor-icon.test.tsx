// @vitest-environment happy-dom
import { answers, calls } from './setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../src/shared/bridge';
import type { Account, AccountIcon } from '../../../src/shared/account';
import { AccountEditor } from '../../../src/renderer/src/features/codes/editor/AccountEditor';
import { ToastProvider } from '../../../src/renderer/src/ui/Toast';

// The bundled icon index is a build-time virtual module; this test needs none of its icons.
vi.mock('../../../src/renderer/src/features/codes/icons/brand-icons', async () => {
  const { buildLookup } =
    await import('../../../src/renderer/src/features/codes/icons/brand-match');
  const empty = { lookup: buildLookup([]), bySlug: new Map(), brands: [], loaders: [] };
  return { loadBrands: async () => empty, loadBrandPath: async () => null };
});

const account = (icon: AccountIcon): Account => ({
  id: 'a1',
  issuer: 'Zqx Bank',
  name: 'me@example.com',
  otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
  favorite: false,
  groups: [],
  note: '',
  createdAt: 0,
  lastUsedAt: null,
  useCount: 0,
  icon,
  recovery: { total: 0, unused: 0 },
});

const settings: SettingsView = {
  autoLockMinutes: 5,
  contentProtection: true,
  sortOrder: 'custom',
  density: 'comfortable',
  showNextCode: true,
  groups: [],
};

// A successful save reloads the list's settings.
beforeEach(() => {
  answers.set('settings:get', () => ({ ok: true, value: settings }));
  answers.set('accounts:update', () => ({ ok: true, value: account({ kind: 'auto' }) }));
});

function openEditor(icon: AccountIcon) {
  render(
    <ToastProvider>
      <AccountEditor
        account={account(icon)}
        groups={[]}
        canMove
        onMove={() => {}}
        onClose={() => {}}
      />
    </ToastProvider>,
  );
}

const updates = () => calls.filter((c) => c.name === 'accounts:update').map((c) => c.args);

describe('the account editor’s Save and the icon', () => {
  it('a picture chosen in this visit is not overwritten by Save (which sends no icon)', async () => {
    const user = userEvent.setup();
    answers.set('files:open-image', () => ({
      ok: true,
      value: { token: 't', name: 'logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    }));
    openEditor({ kind: 'auto' });
    await user.click(screen.getByRole('button', { name: 'Picture file…' }));
    await waitFor(() => expect(calls.map((c) => c.name)).toContain('accounts:set-picture'));
    await user.type(screen.getByLabelText('Note'), 'Branch office');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    // Main already stored the picture; an icon here (the draft's old 'auto') would replace it.
    expect(updates()[0]).not.toHaveProperty('icon');
    expect(updates()[0]).toMatchObject({ id: 'a1', note: 'Branch office' });
  });

  it('an account that already has a picture keeps it when only the note changes', async () => {
    const user = userEvent.setup();
    openEditor({ kind: 'picture', png: 'iVBORw0KGgo=' });
    await user.type(screen.getByLabelText('Note'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).not.toHaveProperty('icon');
  });

  it('an icon the user picks is sent', async () => {
    const user = userEvent.setup();
    openEditor({ kind: 'picture', png: 'iVBORw0KGgo=' });
    await user.click(screen.getByRole('button', { name: 'No icon' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).toMatchObject({ id: 'a1', icon: { kind: 'none' } });
  });
});
