import { isIP } from 'node:net';
import { BadInputError, type FieldProblem } from '../../../errors';
import type { ApplicationAnswerInput, ApplicationInput, IncomingFile } from '../../applications';
import { QuestionKind, type PostingQuestion } from '../../postings';
import { flag, text, type DialectForm, type FileFieldRule } from '../dialect-form';
import { UploadPurpose } from '../../uploads';
import { EEO_QUESTIONS, eeoAnswersFrom, type EeoAnswers, type EeoKey } from '../../eeo';

export interface LeverApply {
  input: ApplicationInput;
  files: IncomingFile[];
  /** The candidate's IP as the career site's server reports it (`ip`), when it is a valid address. */
  candidateIp: string | null;
  /** `eeoResponses`, mapped onto the EEO categories (stored apart from the application). */
  eeo: EeoAnswers;
}

/** Lever's eeoResponses keys besides the four answers: the CC-305 signature is a name and a date, PII that is not kept. */
const LEVER_EEO_IGNORED = new Set(['disabilitySignature', 'disabilitySignatureDate']);

/**
 * Lever's `eeoResponses` (`{"eeoResponses": {"gender": "Female"}}` in JSON, `eeoResponses[gender]=Female`
 * in a form): each value Lever's own wording, or our answer code; anything else is refused under
 * `eeoResponses[<key>]`.
 */
function eeoResponsesOf(fields: Record<string, unknown>, problems: FieldProblem[]): EeoAnswers {
  const given = mapOf(fields, 'eeoResponses', problems);
  const values: Partial<Record<EeoKey, unknown>> = {};
  const keys = new Set<string>(EEO_QUESTIONS.map((spec) => spec.key));
  for (const [key, value] of given) {
    if (keys.has(key)) values[key as EeoKey] = value;
    else if (!LEVER_EEO_IGNORED.has(key)) problems.push({ field: `eeoResponses[${key}]`, message: `unknown; expected ${[...keys].join(', ')}` });
  }
  return eeoAnswersFrom(values, (key) => `eeoResponses[${key}]`, problems);
}

/** A nested JSON object (`urls`, `consent`, `answers`), or the flat form keys `name[key]` of an urlencoded/multipart body. */
function mapOf(fields: Record<string, unknown>, name: string, problems: FieldProblem[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const nested = fields[name];
  if (nested != null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) problems.push({ field: name, message: 'must be an object' });
    else for (const [k, v] of Object.entries(nested)) out.set(k, v);
  }
  const prefix = `${name}[`;
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith(prefix) && key.endsWith(']')) out.set(key.slice(prefix.length, -1), value);
  }
  return out;
}

function asStrings(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : [value];
  return list.every((v) => typeof v === 'string') ? (list as string[]) : null;
}

/**
 * Custom-question answers, Jobgate's documented form for this dialect (Lever's
 * API has none): `answers[<questionId>]=value` in a form, repeated for several
 * choices; `{"answers": {"<questionId>": "text" | ["a","b"] | true}}` in JSON;
 * and a multipart file part named `answers[<questionId>]` for FILE questions.
 */
function answersOf(form: DialectForm, questions: PostingQuestion[], problems: FieldProblem[], files: IncomingFile[]): ApplicationAnswerInput[] {
  const given = mapOf(form.fields, 'answers', problems);
  const kinds = new Map(questions.map((q) => [q.id, q.kind]));
  const answers: ApplicationAnswerInput[] = [];
  for (const [questionId, value] of given) {
    const field = `answers[${questionId}]`;
    const kind = kinds.get(questionId);
    if (kind === undefined) {
      problems.push({ field, message: 'unknown question for this posting' });
      continue;
    }
    if (kind === QuestionKind.BOOLEAN) {
      const b = flag({ [field]: value }, field, problems);
      if (b !== null) answers.push({ questionId, boolean: b });
    } else if (kind === QuestionKind.SINGLE_SELECT || kind === QuestionKind.MULTI_SELECT) {
      const choices = asStrings(value);
      if (!choices) problems.push({ field, message: 'must be an option text or a list of them' });
      else answers.push({ questionId, choices });
    } else if (kind === QuestionKind.FILE) {
      problems.push({ field, message: 'a FILE question takes a file part (multipart/form-data)' });
    } else if (typeof value !== 'string') problems.push({ field, message: 'must be text' });
    else answers.push({ questionId, text: value });
  }
  for (const [name, file] of form.files) {
    const match = /^answers\[(.+)\]$/.exec(name);
    if (!match) continue;
    if (kinds.get(match[1]!) !== QuestionKind.FILE) problems.push({ field: name, message: 'not a FILE question of this posting' });
    else files.push({ filename: file.filename, content: file.bytes, field: name, purpose: UploadPurpose.ATTACHMENT, target: { kind: 'answer', questionId: match[1]! } });
  }
  return answers;
}

/** Lever's file parts: the resume, and `answers[<questionId>]` for FILE questions (checked against the posting later). */
export const leverFileRule: FileFieldRule = (name) => (name === 'resume' || name.startsWith('answers[') ? null : 'unexpected file; send the resume as "resume"');

/**
 * Lever's apply fields (README "Apply to a job posting") mapped onto the
 * application input: `org` is the current company, `urls` a label→url map.
 * `silent` is accepted and has no effect (Jobgate sends candidates no e-mail);
 * `opportunityLocation` likewise.
 */
export function leverApplyInput(form: DialectForm, questions: PostingQuestion[]): LeverApply {
  const problems: FieldProblem[] = [];
  const f = form.fields;
  const files: IncomingFile[] = [];
  const resume = form.files.get('resume');
  if (resume) files.push({ filename: resume.filename, content: resume.bytes, field: 'resume', purpose: UploadPurpose.RESUME, target: { kind: 'resume' } });
  const urls = [...mapOf(f, 'urls', problems)].map(([label, url], i) => {
    if (typeof url !== 'string') problems.push({ field: `urls[${label}]`, message: 'must be a URL' });
    return { label: label || null, url: typeof url === 'string' ? url : '', index: i };
  });
  const consent = mapOf(f, 'consent', problems);
  const consentFlag = (name: string) => flag({ [`consent[${name}]`]: consent.get(name) }, `consent[${name}]`, problems) ?? false;
  flag(f, 'silent', problems);
  const ipText = text(f, 'ip', problems);
  if (ipText && !isIP(ipText)) problems.push({ field: 'ip', message: 'must be an IPv4 or IPv6 address' });
  const input: ApplicationInput = {
    name: text(f, 'name', problems) ?? '',
    email: text(f, 'email', problems) ?? '',
    phone: text(f, 'phone', problems),
    currentCompany: text(f, 'org', problems),
    urls: urls.map(({ label, url }) => ({ label, url })),
    comments: text(f, 'comments', problems),
    answers: answersOf(form, questions, problems, files),
    consent: { marketing: consentFlag('marketing'), store: consentFlag('store') },
    source: text(f, 'source', problems),
    timezone: text(f, 'timezone', problems),
  };
  const eeo = eeoResponsesOf(f, problems);
  if (problems.length) throw new BadInputError(problems);
  return { input, files, candidateIp: ipText && isIP(ipText) ? ipText : null, eeo };
}
