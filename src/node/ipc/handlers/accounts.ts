import type { HandlersFor } from '../dispatch';
import { toPublicAccount, type AccountDraft } from '../../../core/common/model';
import { draftFromManualEntry, parseOtpUri } from '../../../core/common/uri';
import type { Services } from '../../services/container';

export function accountHandlers(services: Services): HandlersFor<'accounts'> {
  const { accounts, clock, events, undo, organise } = services;
  const changed = (...ids: string[]) => events.emit('accounts-changed', { ids });
  const addOnce = (draft: AccountDraft, keepDuplicate: boolean | undefined) =>
    accounts.addUnlessDuplicate(draft, clock.now(), keepDuplicate ?? false);
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
      await accounts.reorder(ids);
      changed(...ids);
    },
    'accounts:remove': async ({ id }) => {
      const undoUntil = await undo.remove(id);
      changed(id);
      return { undoUntil };
    },
    'accounts:undo-remove': async ({ id }) => {
      const account = await undo.restore(id);
      changed(id);
      return toPublicAccount(account);
    },
  };
}
