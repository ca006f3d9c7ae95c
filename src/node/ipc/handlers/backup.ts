import { toPublicAccount } from '../../../core/common/model';
import type { Handlers } from '../dispatch';
import type { Services } from '../../services/container';

type BackupHandlers = Pick<
  Handlers,
  | 'import:open-file'
  | 'import:open-text'
  | 'import:read'
  | 'import:cancel'
  | 'backup:status'
  | 'backup:kit-data'
  | 'backup:save-pdf'
  | 'backup:export-aegis'
  | 'backup:export-uris'
  | 'backup:transfer-codes'
  | 'backup:set-auto'
  | 'recovery:set'
  | 'recovery:reveal'
  | 'recovery:mark'
  | 'recovery:remove'
>;

export function backupHandlers(services: Services): BackupHandlers {
  const { backup, imports, recovery, accounts, events } = services;
  const publicAccount = (id: string) => {
    events.emit('accounts-changed', { ids: [id] });
    return toPublicAccount(accounts.get(id));
  };
  return {
    'import:open-file': () => imports.openFile(),
    'import:open-text': ({ text }) => imports.openText(text),
    'import:read': ({ token, password }) => imports.read(token, password),
    'import:cancel': ({ token }) => imports.cancel(token),
    'backup:status': () => backup.status(),
    'backup:kit-data': ({ accountIds, transfer }) => backup.kitData(accountIds, transfer),
    'backup:save-pdf': ({ token, pdf, allAccounts }) => backup.savePdf(token, pdf, allAccounts),
    'backup:export-aegis': ({ backupPassword }) => backup.exportAegis(backupPassword),
    'backup:export-uris': () => backup.exportUris(),
    'backup:transfer-codes': ({ accountIds }) => backup.transferCodes(accountIds),
    'backup:set-auto': ({ keep }) => backup.setAutoBackup(keep),
    'recovery:set': async ({ id, block }) => {
      await recovery.set(id, block);
      return publicAccount(id);
    },
    'recovery:reveal': ({ id }) => recovery.reveal(id),
    'recovery:mark': async ({ id, code, used }) => {
      await recovery.mark(id, code, used);
      return publicAccount(id);
    },
    'recovery:remove': async ({ id }) => {
      await recovery.remove(id);
      return publicAccount(id);
    },
  };
}
