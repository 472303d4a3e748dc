import { SalaryInterval, WorkplaceType, type PostingLocation, type SalaryRange } from '../postings';

/** Display words for the pages (English: the pages are `<html lang="en">`). */
export const WORKPLACE_LABELS: Record<string, string> = {
  [WorkplaceType.ON_SITE]: 'On-site',
  [WorkplaceType.REMOTE]: 'Remote',
  [WorkplaceType.HYBRID]: 'Hybrid',
  [WorkplaceType.UNSPECIFIED]: 'Not specified',
};

const INTERVAL_WORDS: Record<SalaryInterval, string> = {
  [SalaryInterval.PER_YEAR]: 'per year',
  [SalaryInterval.PER_MONTH]: 'per month',
  [SalaryInterval.PER_WEEK]: 'per week',
  [SalaryInterval.PER_DAY]: 'per day',
  [SalaryInterval.PER_HOUR]: 'per hour',
};

export function salaryText(range: SalaryRange): string {
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: range.currency, maximumFractionDigits: range.max < 1000 ? 2 : 0 });
  return `${money.format(range.min)} – ${money.format(range.max)} ${INTERVAL_WORDS[range.interval] ?? ''}`.trim();
}

export function locationsText(locations: Pick<PostingLocation, 'name'>[]): string {
  return locations.map((l) => l.name).join(' · ');
}

export function dateText(date: Date): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
