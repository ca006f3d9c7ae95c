/** First run: nothing in the vault yet, so offer both ways in — a new account or an import. */
export function EmptyState({ onAdd, onImport }: { onAdd: () => void; onImport: () => void }) {
  return (
    <div className="empty">
      <h2>No accounts yet</h2>
      <p>When a website shows you a QR code or a setup key for two-step sign-in, add it here.</p>
      <div className="empty-actions">
        <button type="button" className="primary" data-focus-key="empty-add" onClick={onAdd}>
          Add account
        </button>
        <button
          type="button"
          className="secondary"
          data-focus-key="empty-import"
          onClick={onImport}
        >
          Import from another app
        </button>
      </div>
    </div>
  );
}
