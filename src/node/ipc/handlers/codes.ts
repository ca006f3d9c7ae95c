import type { HandlersFor } from '../dispatch';
import { toPublicAccount } from '../../../core/common/model';
import type { Services } from '../../services/container';

/** Codes the first snapshot carries when the page names no rows: more than a tall screenful. */
export const SNAPSHOT_CODES = 100;

export function codeHandlers(services: Services): HandlersFor<'codes'> {
  return {
    'codes:list': ({ ids }) => services.codes.list(ids),
    'codes:snapshot': ({ ids }) => {
      const accounts = services.accounts.list();
      return {
        accounts: accounts.map(toPublicAccount),
        codes: services.codes.list(ids ?? accounts.slice(0, SNAPSHOT_CODES).map((a) => a.id)),
      };
    },
    'codes:next-hotp': ({ id }) => services.codes.nextHotp(id),
  };
}
