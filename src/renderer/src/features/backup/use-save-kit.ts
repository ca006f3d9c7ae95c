import { useState } from 'react';
import type { Reauth } from '../../../../shared/bridge';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import { latchkey } from '../../lib/bridge';
import { buildKitPdf } from './build-kit';
import type { KitVariant } from './KitOptions';

export interface KitRequest {
  readonly reauth: Reauth;
  readonly accountIds: readonly string[] | null;
  readonly variant: KitVariant;
  readonly transfer: boolean;
}

/** Thrown inside the pipeline to stop it with the failure main reported. */
class Stop extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Stop(result.error);
  return result.value;
}

/**
 * The kit's three steps — secrets from main after re-authentication, the PDF built and checked
 * in a worker, the file saved by main — with a progress line for each and one error at the end.
 */
export function useSaveKit(onSaved: () => void, onError: (error: ErrorInfo) => void) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async ({ reauth, accountIds, variant, transfer }: KitRequest) => {
    setError(null);
    try {
      setProgress('Checking…');
      const data = valueOf(
        await latchkey['backup:kit-data']({
          reauth,
          accountIds: accountIds && [...accountIds],
          transfer,
        }),
      );
      setProgress('Building and checking every QR code…');
      const pdf = await buildKitPdf(data, variant, transfer);
      setProgress('Saving…');
      const saved = valueOf(
        await latchkey['backup:save-pdf']({
          token: data.token,
          pdf,
          allAccounts: accountIds === null,
        }),
      );
      if (saved.saved) onSaved();
    } catch (e) {
      if (e instanceof Stop) onError(e.info);
      setError(
        e instanceof Stop || e instanceof Error
          ? e.message
          : 'The emergency kit could not be built.',
      );
    } finally {
      setProgress(null);
    }
  };
  return { save, progress, error } as const;
}
