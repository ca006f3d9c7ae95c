/** A ring that empties over the code's period; the number inside is the seconds left. */
export function CountdownRing({
  remainingMs,
  periodMs,
}: {
  remainingMs: number;
  periodMs: number;
}) {
  const radius = 14;
  const circumference = 2 * Math.PI * radius;
  const fraction = Math.max(0, Math.min(1, remainingMs / periodMs));
  const seconds = Math.ceil(remainingMs / 1000);
  const urgent = remainingMs <= 5000;
  return (
    <div
      className={`ring${urgent ? ' ring-urgent' : ''}`}
      role="timer"
      aria-label={`${seconds} seconds left`}
    >
      <svg viewBox="0 0 36 36" width="36" height="36" aria-hidden="true">
        <circle className="ring-track" cx="18" cy="18" r={radius} />
        <circle
          className="ring-fill"
          cx="18"
          cy="18"
          r={radius}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
        />
      </svg>
      <span className="ring-seconds" data-testid="seconds-left">
        {seconds}
      </span>
    </div>
  );
}
