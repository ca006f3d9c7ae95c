import { useId, type ReactNode } from 'react';

/** A surface that groups related content. */
export function Card({ children }: { children: ReactNode }) {
  return <div className="card">{children}</div>;
}

/** A titled card; its heading names the group for screen readers. */
export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="card" role="group" aria-labelledby={id} data-testid={testId}>
      <h3 id={id}>{title}</h3>
      {children}
    </div>
  );
}
