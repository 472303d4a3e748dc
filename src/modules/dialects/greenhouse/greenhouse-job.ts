import { escapeHtml } from '../lever/lever-html';
import { QuestionKind, SalaryInterval, hostedUrl, type PostingUrlBase, type PostingLocation, type PostingRow } from '../../postings';
import type { BoardGroupRef } from './board-group.repository';

/** Department, team and office keys of the board_groups table (see BoardGroup). */
export const departmentKey = (name: string): BoardGroupRef => ({ key: `d:${name.trim().toLowerCase()}`, name: name.trim() });
export const teamKey = (name: string): BoardGroupRef => ({ key: `t:${name.trim().toLowerCase()}`, name: name.trim() });
export const officeKey = (name: string): BoardGroupRef => ({ key: `o:${name.trim().toLowerCase()}`, name: name.trim() });

/**
 * A job's department on the board: its team when it has one (a child of its
 * department), else its department. Greenhouse attaches a job to one department.
 */
export function jobDepartment(row: PostingRow): BoardGroupRef | null {
  if (row.team) return teamKey(row.team);
  return row.department ? departmentKey(row.department) : null;
}

/** Every group a set of postings mentions, for one id lookup. */
export function groupsOf(rows: PostingRow[]): BoardGroupRef[] {
  return rows.flatMap((row) => [
    ...(row.department ? [departmentKey(row.department)] : []),
    ...(row.team ? [teamKey(row.team)] : []),
    ...row.locations.map((l) => officeKey(l.name)),
  ]);
}

export type Ids = Map<string, string>;
export const idOf = (ids: Ids, ref: BoardGroupRef): number => Number(ids.get(ref.key));

/** The short job of department and office listings. */
export function shortJob(row: PostingRow, base: PostingUrlBase, publicUrl: string) {
  return {
    id: Number(row.board_id),
    title: row.title,
    location: { name: row.locations[0]?.name ?? '' },
    updated_at: new Date(row.updated_at).toISOString(),
    absolute_url: hostedUrl(base, publicUrl, row.id),
    // Jobgate has no per-posting language yet; its postings are written in English.
    language: 'en',
  };
}

/** The job of the jobs list and the single job. */
/** A job as Greenhouse lists it. */
export type GreenhouseJob = ReturnType<typeof job>;

export function job(row: PostingRow, base: PostingUrlBase, publicUrl: string) {
  const { id, title, location, updated_at, absolute_url, language } = shortJob(row, base, publicUrl);
  // One entity here, so the post id and the job id are the same integer.
  return { id, internal_job_id: id, title, updated_at, requisition_id: row.requisition_code, location, absolute_url, metadata: null, language };
}

function listHtml(title: string, content: string): string {
  const list = /^\s*<(ul|ol)\b/i.test(content) ? content : `<ul>${content}</ul>`;
  return `<h3>${escapeHtml(title)}</h3>${list}`;
}

/**
 * `content`: the whole description as HTML (opening, body, lists, closing), then
 * HTML-entity-escaped once, which is how Greenhouse sends it (clients unescape
 * before rendering).
 */
export function jobContent(row: PostingRow): string {
  const html = [row.opening_html, row.description_html, ...row.lists.map((l) => listHtml(l.title, l.contentHtml)), row.additional_html].filter(Boolean).join('');
  return escapeHtml(html);
}

export function officeLocation(location: PostingLocation): string {
  const parts = [location.city, location.region, location.countryCode].filter(Boolean);
  return parts.length ? parts.join(', ') : location.name;
}

export interface GreenhouseField {
  name: string;
  type: 'input_text' | 'input_file' | 'input_hidden' | 'textarea' | 'multi_value_single_select' | 'multi_value_multi_select';
  values: { label: string; value: number }[];
}
export interface GreenhouseQuestion {
  required: boolean;
  label: string;
  fields: GreenhouseField[];
}

const field = (name: string, type: GreenhouseField['type'], values: GreenhouseField['values'] = []): GreenhouseField => ({ name, type, values });
/** Select options are answered by their index, as Greenhouse's integer `value`s. */
const options = (list: string[]) => list.map((label, value) => ({ label, value }));
export const YES_NO = [
  { label: 'No', value: 0 },
  { label: 'Yes', value: 1 },
];

/** The standard questions every Greenhouse job form has, then the posting's own as `question_<id>`. */
export function jobQuestions(row: PostingRow): GreenhouseQuestion[] {
  const custom = row.questions.map((q): GreenhouseQuestion => {
    const name = `question_${q.id}`;
    const fields: Record<QuestionKind, GreenhouseField> = {
      [QuestionKind.TEXT]: field(name, 'input_text'),
      [QuestionKind.TEXTAREA]: field(name, 'textarea'),
      [QuestionKind.SINGLE_SELECT]: field(name, 'multi_value_single_select', options(q.options)),
      [QuestionKind.MULTI_SELECT]: field(name, 'multi_value_multi_select', options(q.options)),
      [QuestionKind.FILE]: field(name, 'input_file'),
      [QuestionKind.BOOLEAN]: field(name, 'multi_value_single_select', YES_NO),
    };
    return { required: q.required, label: q.label, fields: [fields[q.kind]] };
  });
  return [
    { required: true, label: 'First Name', fields: [field('first_name', 'input_text')] },
    { required: true, label: 'Last Name', fields: [field('last_name', 'input_text')] },
    { required: true, label: 'Email', fields: [field('email', 'input_text')] },
    { required: false, label: 'Phone', fields: [field('phone', 'input_text')] },
    { required: false, label: 'Resume/CV', fields: [field('resume', 'input_file'), field('resume_text', 'textarea')] },
    { required: false, label: 'Cover Letter', fields: [field('cover_letter_text', 'textarea')] },
    ...custom,
  ];
}

const INTERVAL_TITLE: Record<SalaryInterval, string> = {
  [SalaryInterval.PER_YEAR]: 'per year',
  [SalaryInterval.PER_MONTH]: 'per month',
  [SalaryInterval.PER_WEEK]: 'per week',
  [SalaryInterval.PER_DAY]: 'per day',
  [SalaryInterval.PER_HOUR]: 'per hour',
};

/** `pay_input_ranges`: the posting's one salary range, in cents as Greenhouse counts. */
export function payInputRanges(row: PostingRow) {
  const s = row.salary_range;
  if (!s) return [];
  return [
    {
      min_cents: Math.round(s.min * 100),
      max_cents: Math.round(s.max * 100),
      currency_type: s.currency,
      title: `Salary range (${INTERVAL_TITLE[s.interval]})`,
      blurb: row.salary_description,
    },
  ];
}
