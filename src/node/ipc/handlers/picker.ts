import type { HandlersFor } from '../dispatch';
import type { Services } from '../../services/container';

export function pickerHandlers(services: Services): HandlersFor<'picker'> {
  return {
    'picker:close': () => services.shell.closePicker(),
  };
}
