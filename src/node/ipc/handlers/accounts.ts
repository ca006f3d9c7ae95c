import { LatchkeyError } from '../../../shared/errors';
import type { Handlers } from '../dispatch';
import { findDuplicate, toPublicAccount, type AccountDraft } from '../../../core/common/model';
import { draftFromManualEntry, parseOtpUri } from '../../../core/common/uri';
import type { Services } from '../../services/container';

type AccountHandlers = Pick<
  Handlers,
  | 'accounts:list'
  | 'accounts:add-uri'
  | 'accounts:add-manual'
  | 'accounts:update'
  | 'accounts:reorder'
  | 'accounts:remove'
  | 'accounts:undo-remove'
  | 'accounts:set-picture'
  | 'accounts:share-uri'
>;

export function accountHandlers(services: Services): AccountHandlers {
  const { accounts, clock, events, undo, organise } = services;
  const changed = (...ids: string[]) => events.emit('accounts-changed', { ids });
  /** Typing or pasting the same key twice is caught like a scan or an import would be. */
  const addOnce = (draft: AccountDraft, keepDuplicate: boolean | undefined) => {
    const existing = findDuplicate(accounts.list(), draft);
    if (existing && !keepDuplicate) {
      throw new LatchkeyError('accounts.duplicate', { details: { existingId: existing.id } });
    }
    return accounts.add(draft, clock.now());
  };
  return {
    'accounts:list': () => accounts.list().map(toPublicAccount),
    'accounts:add-uri': async ({ uri, keepDuplicate }) => {
      const { draft, warnings } = parseOtpUri(uri);
      const account = await addOnce(draft, keepDuplicate);
      changed(account.id);
      return { account: toPublicAccount(account), warnings: warnings.map((w) => w.message) };
    },
    'accounts:add-manual': async ({ keepDuplicate, ...entry }) => {
      const { draft, warnings } = draftFromManualEntry(entry);
      const account = await addOnce(draft, keepDuplicate);
      changed(account.id);
      return { account: toPublicAccount(account), warnings: warnings.map((w) => w.message) };
    },
    'accounts:update': async ({ id, ...change }) => {
      const account = await organise.update(id, change);
      changed(id);
      return toPublicAccount(account);
    },
    'accounts:set-picture': async ({ id, bytes }) => {
      const account = await organise.setPicture(id, bytes);
      changed(id);
      return toPublicAccount(account);
    },
    'accounts:share-uri': ({ id }) => ({ uri: organise.shareUri(id) }),
    'accounts:reorder': async ({ ids }) => {
      const known = new Set(accounts.list().map((a) => a.id));
      if (ids.length !== known.size || !ids.every((id) => known.has(id))) {
        throw new LatchkeyError('accounts.reorder-mismatch');
      }
      await accounts.reorder(ids);
      changed(...ids);
    },
    'accounts:remove': async ({ id }) => {
      const list = accounts.list();
      const index = list.findIndex((a) => a.id === id);
      const account = accounts.get(id);
      await accounts.remove(id);
      const undoUntil = undo.remember(account, index);
      changed(id);
      return { undoUntil };
    },
    'accounts:undo-remove': async ({ id }) => {
      const { account, index } = undo.take(id);
      await accounts.insert(account, index);
      changed(id);
      return toPublicAccount(account);
    },
  };
}
