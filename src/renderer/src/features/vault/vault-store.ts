import type { VaultStatusView } from '../../../../shared/bridge';
import { latchkey } from '../../lib/bridge';
import { Store } from '../../lib/store';
import { accountsStore } from '../codes/accounts-store';

export interface VaultState {
  readonly status: VaultStatusView | null;
  /** Why the vault last locked, to tell the user ("Locked after 5 minutes without use"). */
  readonly lockReason: string | null;
}

/** The page's view of the vault: absent, locked or unlocked. Locking wipes all code state. */
class VaultStore extends Store<VaultState> {
  #started = false;

  constructor() {
    super({ status: null, lockReason: null });
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    latchkey.on('locked', ({ reason }) => {
      accountsStore.clear();
      this.set({ ...this.getSnapshot(), lockReason: reason });
      void this.refresh();
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const result = await latchkey['vault:status']({});
    if (result.ok) this.setStatus(result.value);
  }

  setStatus(status: VaultStatusView): void {
    this.set({
      ...this.getSnapshot(),
      status,
      ...(status.state === 'unlocked' && { lockReason: null }),
    });
    if (status.state === 'unlocked') void accountsStore.reload();
    else accountsStore.clear();
  }
}

export const vaultStore = new VaultStore();
