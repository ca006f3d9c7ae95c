import { LatchkeyError } from '../../../shared/errors';
import { OTP_LIMITS } from '../../../shared/account';
import type { Handlers } from '../dispatch';
import { toPublicAccount } from '../../../core/common/model';
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
>;

/** Control characters have no place in a name shown on screen or printed in a kit. */
const cleanLabel = (text: string) =>
  [...text]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();

export function accountHandlers(services: Services): AccountHandlers {
  const { accounts, clock, events, undo } = services;
  const changed = (...ids: string[]) => events.emit('accounts-changed', { ids });
  return {
    'accounts:list': () => accounts.list().map(toPublicAccount),
    'accounts:add-uri': async ({ uri }) => {
      const { draft, warnings } = parseOtpUri(uri);
      const account = await accounts.add(draft, clock.now());
      changed(account.id);
      return { account: toPublicAccount(account), warnings: warnings.map((w) => w.message) };
    },
    'accounts:add-manual': async (entry) => {
      const { draft, warnings } = draftFromManualEntry(entry);
      const account = await accounts.add(draft, clock.now());
      changed(account.id);
      return { account: toPublicAccount(account), warnings: warnings.map((w) => w.message) };
    },
    'accounts:update': async ({ id, issuer, name }) => {
      const next = {
        ...(issuer !== undefined && { issuer: cleanLabel(issuer) }),
        ...(name !== undefined && { name: cleanLabel(name) }),
      };
      if (
        [next.issuer, next.name].some(
          (l) => l !== undefined && l.length > OTP_LIMITS.maxLabelLength,
        )
      ) {
        throw new LatchkeyError('accounts.name-invalid');
      }
      const account = await accounts.update(id, (a) => ({ ...a, ...next }));
      changed(id);
      return toPublicAccount(account);
    },
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
