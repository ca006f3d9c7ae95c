import { useState, type FormEvent } from 'react';
import type { Account } from '../../../../../shared/account';
import { latchkey } from '../../../lib/bridge';
import { useBridgeAction } from '../../../lib/use-bridge-action';
import { Dialog } from '../../../ui/Dialog';
import { useToast } from '../../../ui/Toast';
import { listPrefsStore } from '../list-prefs-store';
import { RecoveryCodes } from '../RecoveryCodes';
import { AccountDetails } from './AccountDetails';
import { EditorActions } from './EditorActions';
import { EditorFields, type Draft } from './EditorFields';
import { GroupChooser } from './GroupChooser';
import { IconChooser } from './IconChooser';
import { ShareQr } from './ShareQr';

interface Props {
  readonly account: Account;
  readonly groups: readonly string[];
  readonly canMove: boolean;
  readonly onMove: (to: 'top' | 'bottom') => void;
  readonly onClose: () => void;
}

/**
 * Everything about one account: names, note, groups, favourite and icon; its settings
 * (read-only); moving it; showing it as a QR code; its recovery codes; deleting it. A dialog:
 * Escape closes it and focus returns to the row's Edit button.
 */
export function AccountEditor({ account, groups, canMove, onMove, onClose }: Props) {
  const [draft, setDraft] = useState<Draft>({
    issuer: account.issuer,
    name: account.name,
    note: account.note,
    favorite: account.favorite,
    groups: account.groups,
    icon: null,
  });
  const toast = useToast();
  const save = useBridgeAction(latchkey['accounts:update'], {
    onSuccess: () => {
      toast('Saved');
      void listPrefsStore.reload();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { icon, ...fields } = draft;
    void save.run({ id: account.id, ...fields, groups: [...fields.groups], ...(icon && { icon }) });
  };
  const title = account.issuer || account.name || 'account';
  return (
    <Dialog title={`Edit ${title}`} onClose={onClose}>
      <form className="editor stack" onSubmit={submit} noValidate>
        <EditorFields draft={draft} onChange={setDraft} error={save.error} />
        <GroupChooser
          all={groups}
          chosen={draft.groups}
          onChange={(g) => setDraft({ ...draft, groups: g })}
        />
        <IconChooser
          account={account}
          draft={draft}
          onChange={(icon) => setDraft({ ...draft, icon })}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            Save
          </button>
        </div>
      </form>
      <AccountDetails account={account} />
      <ShareQr account={account} />
      <RecoveryCodes account={account} />
      <EditorActions account={account} canMove={canMove} onMove={onMove} onDeleted={onClose} />
    </Dialog>
  );
}
