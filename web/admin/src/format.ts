const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined, none = '—'): string {
  return iso ? DATE_TIME.format(new Date(iso)) : none;
}

export function formatDate(iso: string | null | undefined, none = '—'): string {
  return iso ? DATE.format(new Date(iso)) : none;
}

export function humanize(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
}
