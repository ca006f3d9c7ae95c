import { latchkey } from '../../lib/bridge';
import { useBridgeAction } from '../../lib/use-bridge-action';
import { DeletePictureOffer } from './DeletePictureOffer';
import { ExportBatchStatus } from './ExportBatchStatus';
import { FoundItem } from './FoundItem';
import type { ScanState } from './scan-session';
import { scanSession } from './scan-session';
import { ScanProblems } from './ScanProblems';
import { useFoundChoices } from './use-found-choices';

/** What a scan found: pick the accounts to add; duplicates are marked and left out by default. */
export function ScanResults({
  state,
  onAdded,
}: {
  state: ScanState;
  onAdded: (count: number) => void;
}) {
  const { view, thumbnails, offerDelete } = state;
  const { chosen, isChosen, toggle, keepsBoth } = useFoundChoices(view?.items ?? []);
  const addStaged = useBridgeAction(latchkey['staging:add'], {
    toastErrors: true,
    onSuccess: ({ added }) => onAdded(added),
  });
  if (!view) return null;
  const { items, problems, batches } = view;

  const add = () =>
    addStaged.run({ choices: chosen.map((i) => ({ key: i.key })), keepDuplicates: true });

  return (
    <section className="scan-results" aria-labelledby="found-title">
      <h3 id="found-title">
        {items.length === 1 ? 'Found 1 account' : `Found ${items.length} accounts`}
      </h3>
      <ExportBatchStatus batches={batches} />
      {items.length > 0 && (
        <ul className="found-list">
          {items.map((item) => (
            <FoundItem
              key={item.key}
              item={item}
              picture={thumbnails.get(item.key)}
              checked={isChosen(item)}
              keepingBoth={keepsBoth(item)}
              onToggle={() => toggle(item)}
            />
          ))}
        </ul>
      )}
      <ScanProblems problems={problems} />
      {offerDelete && <DeletePictureOffer picture={offerDelete} />}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void scanSession.reset()}>
          Clear
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => void add()}
        >
          {chosen.length === 1 ? 'Add 1 account' : `Add ${chosen.length} accounts`}
        </button>
      </div>
    </section>
  );
}
