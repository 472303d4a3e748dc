/** Calls per day, oldest first; `refused` draws a second line so rejected traffic stands out. */
export interface SparklineProps {
  allowed: number[];
  refused: number[];
  label: string;
  width?: number;
  height?: number;
}

function points(values: number[], max: number, width: number, height: number): string {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  // One pixel of margin keeps a flat line at zero or at the maximum visible.
  return values.map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`).join(' ');
}

/** A tiny inline SVG chart; no chart library for two polylines. */
export function Sparkline({ allowed, refused, label, width = 96, height = 24 }: SparklineProps) {
  const max = Math.max(1, ...allowed, ...refused);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="sparkline">
      <polyline points={points(allowed, max, width, height)} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth="1.5" />
      {refused.some((v) => v > 0) && <polyline points={points(refused, max, width, height)} fill="none" stroke="var(--mantine-color-red-7)" strokeWidth="1.5" strokeDasharray="3 2" />}
    </svg>
  );
}

/** Every UTC day from `since` to today (YYYY-MM-DD), so days without calls count as zero. */
export function daysSince(sinceIso: string, today = new Date()): string[] {
  const days: string[] = [];
  const day = new Date(`${sinceIso.slice(0, 10)}T00:00:00Z`);
  const end = today.toISOString().slice(0, 10);
  while (days.length < 400) {
    const iso = day.toISOString().slice(0, 10);
    days.push(iso);
    if (iso >= end) break;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}
