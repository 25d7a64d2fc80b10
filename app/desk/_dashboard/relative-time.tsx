import { formatDateTime, formatRelativeTime } from './format-time';

/** A <time> that reads relatively ("5 minutes ago") and carries the exact moment. */
export function RelativeTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
