import type { FieldProblem } from '../../errors';
import type { ApplicationInput } from '../applications';
import { QuestionKind, type PostingQuestion } from '../postings';
import type { ReceivedFile } from '../uploads';
import { EEO_QUESTIONS, type EeoKey } from '../eeo';

/** The link inputs the form offers (Lever's form asks for these); each non-empty one becomes an entry of `urls`. */
export const LINK_FIELDS = [
  { key: 'linkedin', label: 'LinkedIn' },
  { key: 'github', label: 'GitHub' },
  { key: 'portfolio', label: 'Portfolio' },
  { key: 'other', label: 'Other website' },
] as const;

export const RESUME_FIELD = 'resume';

/** A file of the form, already streamed into the file store (not yet recorded: see UploadService.commit). */
export interface UploadedPart {
  filename: string;
  received: ReceivedFile;
}

/** What the candidate sent, as typed: re-rendered into the form when something is wrong. */
export interface ApplyFormValues {
  name: string;
  email: string;
  phone: string;
  currentCompany: string;
  links: Record<string, string>;
  comments: string;
  /** By question id: the text, the chosen options, or "yes"/"no". */
  answers: Record<string, string[]>;
  consentStore: boolean;
  consentMarketing: boolean;
  /** The privacy notice version the form showed (a hidden field), or null. */
  privacyNoticeVersion: number | null;
  source: string;
  /** The voluntary self-identification radios, by question key: the chosen answer code, or absent. */
  eeo: Partial<Record<EeoKey, string>>;
}

export interface FormError {
  /** The id of the element the message belongs to, which the summary links to. */
  fieldId: string;
  label: string;
  message: string;
}

export const questionFieldName = (index: number) => `q${index}`;
export const fieldIdOf = (name: string) => `field-${name}`;
export const eeoFieldName = (key: EeoKey) => `eeo_${key}`;

export function emptyValues(source = ''): ApplyFormValues {
  return { name: '', email: '', phone: '', currentCompany: '', links: {}, comments: '', answers: {}, consentStore: false, consentMarketing: false, privacyNoticeVersion: null, source, eeo: {} };
}

/** Form fields (name → every value sent) into the typed values. */
export function valuesFromFields(fields: Map<string, string[]>, questions: PostingQuestion[]): ApplyFormValues {
  const first = (name: string) => fields.get(name)?.[0] ?? '';
  const values = emptyValues(first('source'));
  values.name = first('name');
  values.email = first('email');
  values.phone = first('phone');
  values.currentCompany = first('currentCompany');
  values.comments = first('comments');
  for (const link of LINK_FIELDS) values.links[link.key] = first(`link_${link.key}`);
  questions.forEach((q, i) => {
    if (q.kind !== QuestionKind.FILE) values.answers[q.id] = (fields.get(questionFieldName(i)) ?? []).filter((v) => v !== '');
  });
  values.consentStore = first('consent_store') === 'yes';
  values.consentMarketing = first('consent_marketing') === 'yes';
  const shown = first('privacy_notice_version');
  // Anything but a plain number is left to validation, which names the field.
  values.privacyNoticeVersion = shown === '' ? null : /^\d{1,9}$/.test(shown) ? Number(shown) : 0;
  for (const spec of EEO_QUESTIONS) if (first(eeoFieldName(spec.key))) values.eeo[spec.key] = first(eeoFieldName(spec.key));
  return values;
}

export interface BuiltInput {
  input: ApplicationInput;
  /** Which form field each `urls[i]` came from. */
  linkKeys: string[];
}

/** The applyToPosting input for these values; `uploads` maps RESUME_FIELD / question field names to staged upload ids. */
export function toApplicationInput(values: ApplyFormValues, questions: PostingQuestion[], uploads: Map<string, string>): BuiltInput {
  const linkKeys = LINK_FIELDS.filter((l) => values.links[l.key]?.trim()).map((l) => l.key);
  const answers: NonNullable<ApplicationInput['answers']> = [];
  questions.forEach((q, i) => {
    const given = values.answers[q.id] ?? [];
    switch (q.kind) {
      case QuestionKind.TEXT:
      case QuestionKind.TEXTAREA:
        if (given[0]?.trim()) answers.push({ questionId: q.id, text: given[0] });
        break;
      case QuestionKind.SINGLE_SELECT:
      case QuestionKind.MULTI_SELECT:
        if (given.length) answers.push({ questionId: q.id, choices: given });
        break;
      case QuestionKind.BOOLEAN:
        if (given[0] === 'yes' || given[0] === 'no') answers.push({ questionId: q.id, boolean: given[0] === 'yes' });
        break;
      case QuestionKind.FILE: {
        const uploadId = uploads.get(questionFieldName(i));
        if (uploadId) answers.push({ questionId: q.id, uploadId });
        break;
      }
    }
  });
  const input: ApplicationInput = {
    name: values.name,
    email: values.email,
    phone: values.phone || null,
    currentCompany: values.currentCompany || null,
    urls: linkKeys.map((key) => ({ label: LINK_FIELDS.find((l) => l.key === key)!.label, url: values.links[key]! })),
    comments: values.comments || null,
    resumeUploadId: uploads.get(RESUME_FIELD) ?? null,
    answers,
    consent: { store: values.consentStore, marketing: values.consentMarketing, privacyNoticeVersion: values.privacyNoticeVersion },
    source: values.source || null,
    timezone: null,
  };
  return { input, linkKeys };
}

const BASIC_LABELS: Record<string, [string, string]> = {
  name: ['name', 'Full name'],
  email: ['email', 'Email'],
  phone: ['phone', 'Phone'],
  currentCompany: ['currentCompany', 'Current company'],
  comments: ['comments', 'Additional information'],
  resumeUploadId: [RESUME_FIELD, 'Resume/CV'],
  [RESUME_FIELD]: [RESUME_FIELD, 'Resume/CV'],
  source: ['name', 'Source'],
};

/** Names the form field behind each problem of the shared validation (which speaks in applyToPosting's input names). */
export function formErrors(problems: FieldProblem[], questions: PostingQuestion[], linkKeys: string[]): FormError[] {
  const errors: FormError[] = [];
  for (const p of problems) {
    const basic = BASIC_LABELS[p.field];
    const url = /^urls\[(\d+)\]/.exec(p.field);
    const answer = /^answers\[(.*)\]$/.exec(p.field);
    const question = /^q(\d+)$/.exec(p.field);
    const eeo = EEO_QUESTIONS.find((spec) => eeoFieldName(spec.key) === p.field);
    if (eeo) {
      errors.push({ fieldId: fieldIdOf(p.field), label: eeo.label, message: p.message });
    } else if (basic) {
      errors.push({ fieldId: fieldIdOf(basic[0]), label: basic[1], message: p.message });
    } else if (url || p.field === 'urls') {
      const key = url ? (linkKeys[Number(url[1])] ?? LINK_FIELDS[0].key) : LINK_FIELDS[0].key;
      errors.push({ fieldId: fieldIdOf(`link_${key}`), label: LINK_FIELDS.find((l) => l.key === key)!.label, message: p.message });
    } else if (answer || question) {
      const index = answer ? questions.findIndex((q) => q.id === answer[1]) : Number(question![1]);
      const q = questions[index];
      if (!q) continue;
      const message = p.message.replace(` (${q.label})`, '');
      errors.push({ fieldId: fieldIdOf(questionFieldName(index)), label: q.label, message });
    } else {
      errors.push({ fieldId: fieldIdOf('name'), label: 'Application', message: `${p.field}: ${p.message}` });
    }
  }
  // One message per field: the first is the one to fix first.
  return errors.filter((e, i) => errors.findIndex((o) => o.fieldId === e.fieldId) === i);
}
