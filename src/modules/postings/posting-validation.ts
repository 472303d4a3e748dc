import { randomUUID } from 'node:crypto';
import type { FieldProblem } from '../../errors';
import { BadInputError } from '../../errors';
import { htmlPair } from './html';
import { QuestionKind, SALARY_INTERVALS, SELECT_KINDS } from './posting-enums';
import type { PostingListSection, PostingLocation, PostingQuestion, SalaryRange } from './posting-values';
import type { PostingListInput, PostingLocationInput, PostingQuestionInput, SalaryRangeInput, UpdatePostingInput } from './posting.inputs';
import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import isISO4217 from 'validator/lib/isISO4217';

export const MAX_HTML_BYTES = 100 * 1024;
export const MAX_LOCATIONS = 50;
export const MAX_QUESTIONS = 50;
const MAX_TEXT = 200;
// validator's lists of real ISO 3166-1 alpha-2 and ISO 4217 codes, not just the shape (XX, ABC pass a regex).
const isCountryCode = (code: string) => /^[A-Z]{2}$/.test(code) && isISO31661Alpha2(code);
const isCurrencyCode = (code: string) => /^[A-Z]{3}$/.test(code) && isISO4217(code);

/** Collects every problem of one input, so a client sees them all at once. */
class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  throwIfAny(): void {
    if (this.list.length) throw new BadInputError(this.list);
  }
}

function text(p: Problems, field: string, value: string | null | undefined, { required = false, max = MAX_TEXT } = {}): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) p.add(field, 'is required');
    return null;
  }
  if (trimmed.length > max) p.add(field, `must be at most ${max} characters`);
  return trimmed;
}

function html(p: Problems, field: string, value: string | null | undefined): { html: string | null; plain: string | null } {
  if (value != null && Buffer.byteLength(value, 'utf8') > MAX_HTML_BYTES) {
    p.add(field, `must be at most ${MAX_HTML_BYTES / 1024} KB`);
    return { html: null, plain: null };
  }
  return htmlPair(value);
}

function locations(p: Problems, input: PostingLocationInput[]): PostingLocation[] {
  if (input.length < 1) p.add('locations', 'needs at least one location');
  if (input.length > MAX_LOCATIONS) p.add('locations', `must have at most ${MAX_LOCATIONS} locations`);
  // Names are unique per posting (case-insensitively), so the locations facet can count rows, not distinct postings.
  const seen = new Set<string>();
  return input.slice(0, MAX_LOCATIONS).map((l, i) => {
    const key = l.name?.trim().toLowerCase();
    if (key && seen.has(key)) p.add(`locations[${i}].name`, 'repeats another location of this posting');
    if (key) seen.add(key);
    const countryCode = text(p, `locations[${i}].countryCode`, l.countryCode, { max: 2 })?.toUpperCase() ?? null;
    if (countryCode && !isCountryCode(countryCode)) p.add(`locations[${i}].countryCode`, 'must be an ISO 3166-1 alpha-2 code, e.g. US');
    return {
      name: text(p, `locations[${i}].name`, l.name, { required: true }) ?? '',
      city: text(p, `locations[${i}].city`, l.city),
      region: text(p, `locations[${i}].region`, l.region),
      countryCode,
      postalCode: text(p, `locations[${i}].postalCode`, l.postalCode, { max: 20 }),
    };
  });
}

function salary(p: Problems, input: SalaryRangeInput): SalaryRange {
  const currency = input.currency?.trim() ?? '';
  if (!isCurrencyCode(currency)) p.add('salaryRange.currency', 'must be an ISO 4217 code of 3 upper-case letters, e.g. USD');
  if (!Number.isFinite(input.min) || input.min < 0) p.add('salaryRange.min', 'must be a non-negative number');
  if (!Number.isFinite(input.max) || input.max < 0) p.add('salaryRange.max', 'must be a non-negative number');
  if (input.min > input.max) p.add('salaryRange.max', 'must be at least min');
  if (!SALARY_INTERVALS.has(input.interval)) p.add('salaryRange.interval', 'is not a valid interval');
  return { min: input.min, max: input.max, currency, interval: input.interval };
}

function lists(p: Problems, input: PostingListInput[]): PostingListSection[] {
  if (input.length > 50) p.add('lists', 'must have at most 50 lists');
  return input.map((l, i) => {
    const content = html(p, `lists[${i}].contentHtml`, l.contentHtml);
    return { title: text(p, `lists[${i}].title`, l.title, { required: true }) ?? '', contentHtml: content.html ?? '', contentPlain: content.plain ?? '' };
  });
}

function questions(p: Problems, input: PostingQuestionInput[]): PostingQuestion[] {
  if (input.length > MAX_QUESTIONS) p.add('questions', `must have at most ${MAX_QUESTIONS} questions`);
  const ids = new Set<string>();
  return input.map((q, i) => {
    const id = q.id?.trim() || randomUUID();
    if (id.length > 100) p.add(`questions[${i}].id`, 'must be at most 100 characters');
    if (ids.has(id)) p.add(`questions[${i}].id`, 'must be unique within the posting');
    ids.add(id);
    const label = text(p, `questions[${i}].label`, q.label, { required: true, max: 1000 }) ?? '';
    const options = (q.options ?? []).map((o) => o.trim());
    if (SELECT_KINDS.has(q.kind)) {
      if (!options.length) p.add(`questions[${i}].options`, `are required for ${q.kind} questions`);
      if (options.some((o) => !o)) p.add(`questions[${i}].options`, 'must not be empty');
      if (new Set(options).size !== options.length) p.add(`questions[${i}].options`, 'must be unique');
      if (options.length > 100) p.add(`questions[${i}].options`, 'must have at most 100 options');
    } else if (q.options?.length) {
      p.add(`questions[${i}].options`, `are not allowed for ${q.kind} questions`);
    }
    return { id, label, kind: q.kind ?? QuestionKind.TEXT, required: q.required ?? false, options: SELECT_KINDS.has(q.kind) ? options : [] };
  });
}

/** The validated, normalized values of the fields present in `input` (absent fields stay absent). */
export interface PostingChanges {
  title?: string;
  confidential?: boolean;
  requisitionCode?: string | null;
  team?: string | null;
  department?: string | null;
  commitment?: string | null;
  level?: string | null;
  workplaceType?: UpdatePostingInput['workplaceType'];
  locations?: PostingLocation[];
  locationNames?: string[];
  country?: string | null;
  openingHtml?: string | null;
  openingPlain?: string | null;
  descriptionHtml?: string | null;
  descriptionPlain?: string | null;
  additionalHtml?: string | null;
  additionalPlain?: string | null;
  lists?: PostingListSection[];
  salaryRange?: SalaryRange | null;
  salaryDescription?: string | null;
  questions?: PostingQuestion[];
  expiresAt?: Date | null;
}

/**
 * Validates an input (all of it, reporting every problem with its field) and
 * returns the values to store: trimmed text, sanitized HTML with plain twins,
 * and the denormalized location columns.
 */
export function validatePostingInput(input: UpdatePostingInput, creating: boolean): PostingChanges {
  const p = new Problems();
  const out: PostingChanges = {};
  if (creating || input.title !== undefined) out.title = text(p, 'title', input.title, { required: true }) ?? '';
  if (input.confidential != null) out.confidential = input.confidential;
  if (input.requisitionCode !== undefined) out.requisitionCode = text(p, 'requisitionCode', input.requisitionCode, { max: 100 });
  for (const key of ['team', 'department', 'commitment', 'level'] as const) {
    if (input[key] !== undefined) out[key] = text(p, key, input[key]);
  }
  if (input.workplaceType != null) out.workplaceType = input.workplaceType;
  if (creating || input.locations != null) {
    out.locations = locations(p, input.locations ?? []);
    out.locationNames = [...new Set(out.locations.map((l) => l.name.toLowerCase()))];
    out.country = out.locations[0]?.countryCode ?? null;
  }
  for (const [key, plainKey] of [
    ['openingHtml', 'openingPlain'],
    ['descriptionHtml', 'descriptionPlain'],
    ['additionalHtml', 'additionalPlain'],
  ] as const) {
    if (input[key] !== undefined) {
      const pair = html(p, key, input[key]);
      out[key] = pair.html;
      out[plainKey] = pair.plain;
    }
  }
  if (input.lists !== undefined) out.lists = lists(p, input.lists ?? []);
  if (input.salaryRange !== undefined) out.salaryRange = input.salaryRange ? salary(p, input.salaryRange) : null;
  if (input.salaryDescription !== undefined) out.salaryDescription = text(p, 'salaryDescription', input.salaryDescription, { max: 1000 });
  if (input.questions !== undefined) out.questions = questions(p, input.questions ?? []);
  if (input.expiresAt !== undefined) {
    if (input.expiresAt && Number.isNaN(input.expiresAt.getTime())) p.add('expiresAt', 'is not a valid date');
    out.expiresAt = input.expiresAt ?? null;
  }
  p.throwIfAny();
  return out;
}
