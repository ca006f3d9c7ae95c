import type { StagingProblem } from '../../../../shared/staging';

/** What could not be read, per source, with the offending text when there is one. */
export function ScanProblems({ problems }: { problems: readonly StagingProblem[] }) {
  return (
    <>
      {problems.map((p, i) => (
        <div key={i} className="notice notice-danger" data-testid="scan-problem">
          <strong>{p.source}:</strong> {p.error.message}
          {p.excerpt && <code className="excerpt">{p.excerpt}</code>}
        </div>
      ))}
    </>
  );
}
