/** The product name at the top of every screen. */
export function AppTitle() {
  return (
    <h1>
      <span className="logo" aria-hidden="true">
        ◆
      </span>{' '}
      Latchkey
    </h1>
  );
}
