import type { Handlers } from '../dispatch';
import type { Services } from '../../services/container';

export function codeHandlers(
  services: Services,
): Pick<Handlers, 'codes:list' | 'codes:next-hotp' | 'clipboard:copy-code'> {
  return {
    'codes:list': () => services.codes.list(),
    'codes:next-hotp': ({ id }) => services.codes.nextHotp(id),
    'clipboard:copy-code': ({ id }) => services.clipboard.copyCode(id),
  };
}
