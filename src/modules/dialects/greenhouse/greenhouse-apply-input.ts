import { BadInputError, type FieldProblem } from '../../../errors';
import { type ApplicationAnswerInput, type ApplicationInput, type IncomingFile, LIMITS } from '../../applications';
import { flag, text, type DialectForm, type FileFieldRule, type FormFile } from '../dialect-form';
import { QuestionKind, type PostingQuestion } from '../../postings';
import { UploadPurpose } from '../../uploads';
import type { EeoAnswers } from '../../eeo';
import { demographicAnswersOf } from './greenhouse-demographics';

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** `<name>_content` (base64) + `<name>_content_filename`: Greenhouse's JSON file upload. */
function base64File(fields: Record<string, unknown>, name: string, problems: FieldProblem[]): FormFile | null {
  const content = text(fields, `${name}_content`, problems);
  if (content === null) return null;
  if (!BASE64.test(content)) {
    problems.push({ field: `${name}_content`, message: 'must be base64' });
    return null;
  }
  return { filename: text(fields, `${name}_content_filename`, problems) ?? undefined, bytes: Buffer.from(content, 'base64') };
}

/** A select answer: Greenhouse's integer `value` (the option's index here), or the option's label. */
function choice(question: PostingQuestion, value: unknown, field: string, problems: FieldProblem[]): string | null {
  const asNumber = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
  if (asNumber !== null && Number.isInteger(asNumber) && asNumber < question.options.length) return question.options[asNumber]!;
  if (typeof value === 'string' && question.options.includes(value)) return value;
  problems.push({ field, message: `not an option value (0 to ${question.options.length - 1})` });
  return null;
}

function answerOf(question: PostingQuestion, form: DialectForm, problems: FieldProblem[], files: IncomingFile[]): ApplicationAnswerInput | null {
  const name = `question_${question.id}`;
  const value = form.fields[name];
  if (question.kind === QuestionKind.FILE) {
    const file = form.files.get(name) ?? base64File(form.fields, name, problems);
    if (file) files.push({ filename: file.filename, content: file.bytes, field: name, purpose: UploadPurpose.ATTACHMENT, target: { kind: 'answer', questionId: question.id } });
    return null;
  }
  if (value == null || value === '') return null;
  switch (question.kind) {
    case QuestionKind.TEXT:
    case QuestionKind.TEXTAREA: {
      const t = text(form.fields, name, problems);
      return t === null ? null : { questionId: question.id, text: t };
    }
    case QuestionKind.BOOLEAN: {
      const b = flag(form.fields, name, problems);
      return b === null ? null : { questionId: question.id, boolean: b };
    }
    case QuestionKind.SINGLE_SELECT:
    case QuestionKind.MULTI_SELECT: {
      const list = Array.isArray(value) ? value : [value];
      const choices = list.map((v) => choice(question, v, name, problems)).filter((c): c is string => c !== null);
      return choices.length === list.length ? { questionId: question.id, choices } : null;
    }
  }
}

/** Greenhouse's GDPR consent flags, as sent: a form's `data_compliance[<key>]` or JSON's nested object. */
const CONSENT_KEYS = ['gdpr_retention_consent_given', 'gdpr_consent_given', 'gdpr_processing_consent_given', 'gdpr_demographic_data_consent_given'] as const;

/**
 * Whether the candidate agreed to be kept on file: the retention flag, else the
 * general consent flag. Every flag sent is checked, and a bad one is reported under
 * Greenhouse's own field name (`data_compliance[gdpr_consent_given]`).
 */
function consentGiven(f: Record<string, unknown>, problems: FieldProblem[]): boolean | null {
  const nested = f.data_compliance;
  const given: Record<string, boolean | null> = {};
  for (const key of CONSENT_KEYS) {
    const field = `data_compliance[${key}]`;
    const value = f[field] ?? (nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[key] : undefined);
    given[key] = flag({ [field]: value }, field, problems);
  }
  return given.gdpr_retention_consent_given ?? given.gdpr_consent_given ?? null;
}

/**
 * Greenhouse's file parts for this posting: `resume`, `cover_letter` (refused later with
 * its own message) and `question_<id>` of its FILE questions. Anything else is refused.
 */
export function greenhouseFileRule(questions: PostingQuestion[]): FileFieldRule {
  const accepted = new Set(['resume', 'cover_letter', ...questions.filter((q) => q.kind === QuestionKind.FILE).map((q) => `question_${q.id}`)]);
  return (name) => (accepted.has(name) ? null : 'unexpected file; this job takes files only as resume and its file questions (question_<id>)');
}

export interface GreenhouseApply {
  input: ApplicationInput;
  files: IncomingFile[];
  /** `demographic_answers`, mapped onto the EEO categories (stored apart from the application). */
  eeo: EeoAnswers;
}

/**
 * Greenhouse's application fields (job board docs, "Submit an application")
 * mapped onto the application input. `first_name` and `last_name` are each
 * required and at most 255 characters (Greenhouse's rule); joined, they are the
 * application's name, which the shared validation also checks (length, no URLs).
 * Resumes come as a `resume` file, base64 `resume_content`, or `resume_text`
 * (stored as a plain-text resume); the cover letter text goes to the comments.
 * `demographic_answers` go to the EEO record (greenhouse-demographics.ts).
 * Accepted and not stored: location/latitude/longitude, educations, employments. Refused: `*_url` attachments (the server would fetch an
 * arbitrary URL) and cover-letter files (no place to keep them yet).
 */
export function greenhouseApplyInput(form: DialectForm, questions: PostingQuestion[]): GreenhouseApply {
  const problems: FieldProblem[] = [];
  const f = form.fields;
  const files: IncomingFile[] = [];
  const first = text(f, 'first_name', problems)?.trim() ?? '';
  const last = text(f, 'last_name', problems)?.trim() ?? '';
  for (const [field, value] of [['first_name', first], ['last_name', last]] as const) {
    if (!value) problems.push({ field, message: 'is required' });
    else if (value.length > LIMITS.name) problems.push({ field, message: `must be at most ${LIMITS.name} characters` });
  }
  const resumeText = text(f, 'resume_text', problems);
  const resume = form.files.get('resume') ?? base64File(f, 'resume', problems) ?? (resumeText?.trim() ? { filename: 'resume.txt', bytes: Buffer.from(resumeText, 'utf8') } : null);
  if (resume) files.push({ filename: resume.filename, content: resume.bytes, field: 'resume', purpose: UploadPurpose.RESUME, target: { kind: 'resume' } });
  for (const refused of ['resume_url', 'cover_letter_url', ...questions.map((q) => `question_${q.id}_url`)]) {
    if (f[refused] != null) problems.push({ field: refused, message: 'attachments by URL are not supported; upload the file or send its base64 content' });
  }
  if (form.files.has('cover_letter') || f.cover_letter_content != null) {
    problems.push({ field: 'cover_letter', message: 'cover letter files are not supported; send cover_letter_text' });
  }
  const retention = consentGiven(f, problems);
  const answers = questions.map((q) => answerOf(q, form, problems, files)).filter((a): a is ApplicationAnswerInput => a !== null);
  const input: ApplicationInput = {
    name: `${first} ${last}`.trim(),
    email: text(f, 'email', problems) ?? '',
    phone: text(f, 'phone', problems),
    comments: text(f, 'cover_letter_text', problems),
    answers,
    consent: { marketing: false, store: retention ?? false },
    source: text(f, 'mapped_url_token', problems),
  };
  const eeo = demographicAnswersOf(f.demographic_answers, problems);
  if (problems.length) throw new BadInputError(problems);
  return { input, files, eeo };
}
