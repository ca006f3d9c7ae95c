import { useBackupAccess } from './backup-access';

/** Says that exports on this screen will not ask again, and until when. */
export function GrantStatus() {
  const { grant } = useBackupAccess();
  if (!grant) return null;
  const until = new Date(grant.expiresAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <p className="hint" role="status" data-testid="backup-grant">
      You confirmed it is you: exports on this screen will not ask again until {until}, or until you
      leave it.
    </p>
  );
}
