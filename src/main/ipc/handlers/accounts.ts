import type { Handlers } from '../dispatch';
import { toPublicAccount } from '../../../core/model';
import { draftFromManualEntry, parseOtpUri } from '../../../core/uri';
import type { Services } from '../../services/container';

type AccountHandlers = Pick<
  Handlers,
  'accounts:list' | 'accounts:add-uri' | 'accounts:add-manual' | 'accounts:remove'
>;

export function accountHandlers(services: Services): AccountHandlers {
  const { accounts, clock, events } = services;
  return {
    'accounts:list': () => accounts.list().map(toPublicAccount),
    'accounts:add-uri': async ({ uri }) => {
      const { draft } = parseOtpUri(uri);
      const account = await accounts.add(draft, clock.now());
      events.emit('accounts-changed', { ids: [account.id] });
      return toPublicAccount(account);
    },
    'accounts:add-manual': async (entry) => {
      const { draft } = draftFromManualEntry(entry);
      const account = await accounts.add(draft, clock.now());
      events.emit('accounts-changed', { ids: [account.id] });
      return toPublicAccount(account);
    },
    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      events.emit('accounts-changed', { ids: [id] });
    },
  };
}
