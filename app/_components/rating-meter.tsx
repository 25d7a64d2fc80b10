type ScaleEntry = { key: string; label: string; value: number; color: string };

/** The verdict on the whole scale: every rating shown, the verdict's one marked. Readable without colour. */
export function RatingMeter({ rating, scale }: { rating: ScaleEntry; scale: ScaleEntry[] }) {
  const ordered = [...scale].sort((a, b) => b.value - a.value);
  return (
    <ol className="rating-meter" aria-label={`Rating: ${rating.label}, ${rating.value} on a scale of ${ordered.at(-1)?.value ?? 1} to ${ordered[0]?.value ?? 5}`}>
      {ordered.map((entry) => {
        const isCurrent = entry.key === rating.key;
        return (
          <li
            key={entry.key}
            className={isCurrent ? 'rating-step rating-step-current' : 'rating-step'}
            style={{ borderColor: entry.color }}
            aria-current={isCurrent ? 'true' : undefined}
          >
            <span className={isCurrent ? 'rating-step-label-current' : undefined}>{isCurrent ? '▶ ' : ''}{entry.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
