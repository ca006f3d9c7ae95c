import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function backupHandlers(services: Services): HandlersFor<'backup'> {
  const { backup } = services;
  return {
    'backup:status': () => backup.status(),
    'backup:kit-data': ({ accountIds, transfer }) => backup.kitData(accountIds, transfer),
    'backup:save-pdf': ({ token, pdf, allAccounts }) => backup.savePdf(token, pdf, allAccounts),
    'backup:export-aegis': ({ backupPassword }) => backup.exportAegis(backupPassword),
    'backup:export-uris': () => backup.exportUris(),
    'backup:transfer-codes': ({ accountIds }) => backup.transferCodes(accountIds),
    'backup:set-auto': ({ keep }) => backup.setAutoBackup(keep),
    'backup:replace-old-auto': () => backup.replaceOldAutoBackups(),
  };
}
