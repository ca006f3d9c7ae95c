import type { ReactNode } from 'react';

interface Props {
  readonly tone?: 'info' | 'danger';
  /** `alert` interrupts a screen reader; use it only for what just went wrong. */
  readonly role?: 'note' | 'status' | 'alert';
  readonly testId?: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A boxed message in the page's flow: information, or a warning when `tone` is danger. */
export function Notice({ tone = 'info', role, testId, className, children }: Props) {
  const classes = ['notice', tone === 'danger' && 'notice-danger', className].filter(Boolean);
  return (
    <div className={classes.join(' ')} role={role} data-testid={testId}>
      {children}
    </div>
  );
}
