import type { ErrorInfo } from '../../../../shared/errors';

/** Which form field an error from main concerns (main names it in `details.field`). */
export function errorField(error: ErrorInfo): string {
  const field = error.details?.field;
  return typeof field === 'string' ? field : 'form';
}
