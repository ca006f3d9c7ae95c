import type { BatchProgressView } from '../../../../shared/staging';

/** How far a multi-part Google Authenticator export got: parts still missing, or all in. */
export function ExportBatchStatus({ batches }: { batches: readonly BatchProgressView[] }) {
  return (
    <>
      {batches
        .filter((b) => b.missing.length > 0)
        .map((b) => (
          <div key={b.id} className="notice" role="status" data-testid="batch-missing">
            Google Authenticator export: scanned part {b.received.join(', ')} of {b.size}. Still
            missing: part {b.missing.join(', ')}. Show the next code on your phone and scan again.
          </div>
        ))}
      {batches
        .filter((b) => b.missing.length === 0 && b.size > 1)
        .map((b) => (
          <p key={b.id} className="hint" data-testid="batch-complete">
            All {b.size} parts of the Google Authenticator export are in.
          </p>
        ))}
    </>
  );
}
