import type { ReactNode } from 'react';
import { AppTitle } from './AppTitle';

/** The page's header (title plus optional navigation) and its main content area. */
export function AppFrame({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <AppTitle />
        {nav}
      </header>
      <main className="app-main">
        <div className="app-content">{children}</div>
      </main>
    </>
  );
}
