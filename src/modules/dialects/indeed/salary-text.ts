export type SalaryInterval = 'PER_YEAR' | 'PER_MONTH' | 'PER_WEEK' | 'PER_DAY' | 'PER_HOUR';

export interface FeedSalaryRange {
  min: number | string | null;
  max: number | string | null;
  currency: string | null;
  interval: SalaryInterval | string | null;
}

const PERIODS: Record<SalaryInterval, string> = {
  PER_YEAR: 'per year',
  PER_MONTH: 'per month',
  PER_WEEK: 'per week',
  PER_DAY: 'per day',
  PER_HOUR: 'per hour',
};

/** Plain digits (no grouping) so every board parses them the same way; numeric columns may arrive as strings. */
function amount(value: number | string | null): string | null {
  if (value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? String(n) : null;
}

function rangeText(range: FeedSalaryRange): string | null {
  const min = amount(range.min);
  const max = amount(range.max);
  if (min === null && max === null) return null;
  const c = range.currency ? `${range.currency} ` : '';
  let text: string;
  if (min !== null && max !== null) text = min === max ? `${c}${min}` : `${c}${min}–${max}`;
  else if (min !== null) text = `${c}${min}+`;
  else text = `up to ${c}${max}`;
  const period = range.interval ? PERIODS[range.interval as SalaryInterval] : undefined;
  return period ? `${text} ${period}` : text;
}

/**
 * "USD 120000–150000 per year", then the free-text salary description, e.g.
 * "USD 120000–150000 per year. Plus equity". Null when there is nothing to say,
 * so the element is left out rather than written empty.
 */
export function salaryText(range: FeedSalaryRange | null | undefined, description: string | null | undefined): string | null {
  const parts = [range ? rangeText(range) : null, description?.trim() || null].filter((p): p is string => !!p);
  return parts.length ? parts.join('. ') : null;
}
