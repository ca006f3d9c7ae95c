/** An error message under a field or form, announced to screen readers; nothing when there is none. */
export function ErrorText({
  message,
  id,
  testId,
}: {
  message: string | null | undefined | false;
  id?: string;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
