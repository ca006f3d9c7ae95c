import { useState, useSyncExternalStore } from 'react';
import type { Account } from '../../../../shared/account';
import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { proofFrom, type ReauthState } from '../backup/Reauth';
import { useToast } from '../../ui/Toast';
import { vaultStore } from '../vault/vault-store';

export interface RevealedCode {
  readonly code: string;
  readonly used: boolean;
}

/**
 * One account's recovery codes: the pasted block being saved, the codes once revealed (after
 * the user proved it is them), ticking used ones, deleting them all. Saving and revealing share
 * one error message; deleting and ticking report theirs as a message.
 */
export function useRecoveryCodes(account: Account) {
  const { status } = useSyncExternalStore(vaultStore.subscribe, vaultStore.getSnapshot);
  const [block, setBlock] = useState('');
  const [editing, setEditing] = useState(account.recovery.total === 0);
  const [codes, setCodes] = useState<RevealedCode[] | null>(null);
  const [reauth, setReauth] = useState<ReauthState>({ password: '', confirmed: false });
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const keepError = { onError: ({ message }: { message: string }) => setError(message) };

  const saveBlock = useBridgeAction(latchkey['recovery:set'], {
    ...keepError,
    onSuccess: ({ recovery }) => {
      setError(null);
      setBlock('');
      setEditing(false);
      setCodes(null);
      toast(`Saved ${recovery.total} recovery codes`);
    },
  });
  const revealCodes = useBridgeAction(latchkey['recovery:reveal'], {
    ...keepError,
    onSuccess: (revealed) => {
      setError(null);
      setReauth({ password: '', confirmed: false });
      setCodes([...revealed]);
    },
  });
  const removeCodes = useBridgeAction(latchkey['recovery:remove'], {
    toastErrors: true,
    onSuccess: () => {
      setCodes(null);
      setEditing(true);
      toast('Recovery codes deleted');
    },
  });
  const markCode = useBridgeAction(latchkey['recovery:mark'], { toastErrors: true });

  const proof = status ? proofFrom(status, reauth) : null;
  const save = () => saveBlock.run({ id: account.id, block });
  const reveal = async () => {
    if (proof) await revealCodes.run({ id: account.id, reauth: proof });
  };
  const removeAll = () => removeCodes.run({ id: account.id });
  const mark = async (index: number, used: boolean) => {
    const apply = (value: boolean) =>
      setCodes((list) => list?.map((c, i) => (i === index ? { ...c, used: value } : c)) ?? null);
    apply(used);
    // By position in the revealed list, never by value (see recovery:mark).
    if (!(await markCode.run({ id: account.id, index, used }))) apply(!used);
  };

  return {
    status,
    block,
    setBlock,
    editing,
    startEditing: () => setEditing(true),
    codes,
    reauth,
    setReauth,
    proof,
    error,
    save,
    reveal,
    removeAll,
    mark,
  } as const;
}
