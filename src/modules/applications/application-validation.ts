import { BadInputError, type FieldProblem } from '../../errors';
import { isUuid } from '../../ids';
import { QuestionKind, type PostingQuestion } from '../postings';
import type { ApplicationAnswer, ApplicationConsent, ApplicationUrl } from './application-values';
import type { ApplicationAnswerInput, ApplicationInput } from './application.inputs';
// validator's isEmail (the same check as user emails, via class-validator): maintained, and no hand-written RFC 5322 regex.
import isEmail from 'validator/lib/isEmail';

/**
 * The one validation of an application, shared by the public apply and the admin
 * import, so both refuse exactly the same things. Every problem names its field;
 * all of them are reported at once.
 */
export const LIMITS = { name: 255, email: 255, phone: 50, currentCompany: 255, urls: 10, url: 2048, label: 255, comments: 10_000, source: 255, text: 1_000, textarea: 10_000 };

// Greenhouse refuses URLs in names: a scheme, "www." or a bare domain with a common TLD is a spam signal.
const URL_IN_NAME = /(\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|net|org|io|co|info|biz|xyz|ru|cn|app|dev|me|ly|site|online|top)\b)/i;

/** An upload the application references, claimed inside the write transaction. */
export interface UploadReference {
  field: string;
  uploadId: string;
  kind: 'resume' | 'answer';
  questionId?: string;
}

export interface ValidApplication {
  name: string;
  email: string;
  phone: string | null;
  currentCompany: string | null;
  urls: ApplicationUrl[];
  comments: string | null;
  answers: ApplicationAnswer[];
  consent: ApplicationConsent;
  /** The privacy notice version the candidate was shown, when the client says; checked against the published ones at write time. */
  privacyNoticeVersion: number | null;
  source: string | null;
  timezone: string | null;
  uploads: UploadReference[];
}

function optionalText(problems: FieldProblem[], field: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return trimmed;
}

function requiredText(problems: FieldProblem[], field: string, value: string | null | undefined, max: number): string {
  const trimmed = optionalText(problems, field, value, max);
  if (!trimmed) problems.push({ field, message: 'is required' });
  return trimmed ?? '';
}

function validTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validateUrls(problems: FieldProblem[], urls: ApplicationInput['urls']): ApplicationUrl[] {
  if (!urls?.length) return [];
  if (urls.length > LIMITS.urls) problems.push({ field: 'urls', message: `at most ${LIMITS.urls} URLs` });
  return urls.slice(0, LIMITS.urls).map((entry, i) => {
    const label = optionalText(problems, `urls[${i}].label`, entry.label, LIMITS.label);
    const url = requiredText(problems, `urls[${i}].url`, entry.url, LIMITS.url);
    if (url) {
      let protocol: string | null = null;
      try {
        protocol = new URL(url).protocol;
      } catch {
        protocol = null;
      }
      if (protocol !== 'http:' && protocol !== 'https:') problems.push({ field: `urls[${i}].url`, message: 'must be an http or https URL' });
    }
    return { label, url };
  });
}

const KIND_FIELD: Record<QuestionKind, keyof ApplicationAnswerInput> = {
  [QuestionKind.TEXT]: 'text',
  [QuestionKind.TEXTAREA]: 'text',
  [QuestionKind.SINGLE_SELECT]: 'choices',
  [QuestionKind.MULTI_SELECT]: 'choices',
  [QuestionKind.FILE]: 'uploadId',
  [QuestionKind.BOOLEAN]: 'boolean',
};
const VALUE_FIELDS = ['text', 'choices', 'uploadId', 'boolean'] as const;

/** Checks one answer against its question; returns the answer to store, or null when it is empty. */
function validateAnswer(problems: FieldProblem[], question: PostingQuestion, answer: ApplicationAnswerInput, uploads: UploadReference[]): ApplicationAnswer | null {
  const field = `answers[${question.id}]`;
  const expected = KIND_FIELD[question.kind];
  const given = VALUE_FIELDS.filter((f) => answer[f] != null);
  const wrong = given.filter((f) => f !== expected);
  if (wrong.length) {
    problems.push({ field, message: `a ${question.kind} question takes ${expected}, not ${wrong.join(', ')}` });
    return null;
  }
  switch (question.kind) {
    case QuestionKind.TEXT:
    case QuestionKind.TEXTAREA: {
      const text = optionalText(problems, field, answer.text, question.kind === QuestionKind.TEXT ? LIMITS.text : LIMITS.textarea);
      return text ? { questionId: question.id, text } : null;
    }
    case QuestionKind.SINGLE_SELECT:
    case QuestionKind.MULTI_SELECT: {
      const choices = answer.choices ?? [];
      if (!choices.length) return null;
      const unknown = choices.filter((c) => !question.options.includes(c));
      if (unknown.length) problems.push({ field, message: `not an option: ${unknown.map((c) => JSON.stringify(c.slice(0, 100))).join(', ')}` });
      else if (question.kind === QuestionKind.SINGLE_SELECT && choices.length !== 1) problems.push({ field, message: 'choose exactly one option' });
      else if (new Set(choices).size !== choices.length) problems.push({ field, message: 'each option at most once' });
      return { questionId: question.id, choices: [...choices] };
    }
    case QuestionKind.FILE: {
      const uploadId = answer.uploadId?.trim();
      if (!uploadId) return null;
      if (!isUuid(uploadId)) problems.push({ field, message: 'must be an upload id (a UUID)' });
      else uploads.push({ field, uploadId: uploadId.toLowerCase(), kind: 'answer', questionId: question.id });
      return { questionId: question.id, fileId: uploadId.toLowerCase() };
    }
    case QuestionKind.BOOLEAN:
      return answer.boolean == null ? null : { questionId: question.id, boolean: answer.boolean };
  }
}

function validateAnswers(problems: FieldProblem[], questions: PostingQuestion[], answers: ApplicationInput['answers'], uploads: UploadReference[]): ApplicationAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const stored: ApplicationAnswer[] = [];
  for (const answer of answers ?? []) {
    const field = `answers[${answer.questionId}]`;
    const question = byId.get(answer.questionId);
    if (!question) problems.push({ field, message: 'unknown question for this posting' });
    else if (seen.has(question.id)) problems.push({ field, message: 'answered more than once' });
    else {
      seen.add(question.id);
      const valid = validateAnswer(problems, question, answer, uploads);
      if (valid) stored.push(valid);
    }
  }
  const answered = new Set(stored.map((a) => a.questionId));
  for (const question of questions) {
    if (question.required && !answered.has(question.id) && !problems.some((p) => p.field === `answers[${question.id}]`)) {
      problems.push({ field: `answers[${question.id}]`, message: `is required (${question.label})` });
    }
  }
  return stored;
}

/** Validates `input` against the posting's questions; throws one BadInputError listing every problem. */
export function validateApplication(input: ApplicationInput, questions: PostingQuestion[]): ValidApplication {
  const problems: FieldProblem[] = [];
  const uploads: UploadReference[] = [];
  const name = requiredText(problems, 'name', input.name, LIMITS.name);
  if (name && URL_IN_NAME.test(name)) problems.push({ field: 'name', message: 'must not contain a URL' });
  const email = requiredText(problems, 'email', input.email, LIMITS.email);
  if (email && email.length <= LIMITS.email && !isEmail(email)) problems.push({ field: 'email', message: 'is not a valid e-mail address' });
  const timezone = optionalText(problems, 'timezone', input.timezone, 64);
  if (timezone && !validTimezone(timezone)) problems.push({ field: 'timezone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' });
  const resumeUploadId = input.resumeUploadId?.trim();
  if (resumeUploadId) {
    if (!isUuid(resumeUploadId)) problems.push({ field: 'resumeUploadId', message: 'must be an upload id (a UUID)' });
    else uploads.push({ field: 'resumeUploadId', uploadId: resumeUploadId.toLowerCase(), kind: 'resume' });
  }
  const valid: ValidApplication = {
    name,
    email,
    phone: optionalText(problems, 'phone', input.phone, LIMITS.phone),
    currentCompany: optionalText(problems, 'currentCompany', input.currentCompany, LIMITS.currentCompany),
    urls: validateUrls(problems, input.urls),
    comments: optionalText(problems, 'comments', input.comments, LIMITS.comments),
    answers: validateAnswers(problems, questions, input.answers, uploads),
    consent: { marketing: input.consent?.marketing ?? false, store: input.consent?.store ?? false },
    privacyNoticeVersion: input.consent?.privacyNoticeVersion ?? null,
    source: optionalText(problems, 'source', input.source, LIMITS.source),
    timezone,
    uploads,
  };
  if (valid.privacyNoticeVersion != null && (!Number.isInteger(valid.privacyNoticeVersion) || valid.privacyNoticeVersion < 1)) {
    problems.push({ field: 'consent.privacyNoticeVersion', message: 'must be a published version (1 or more)' });
  }
  const dupes = uploads.filter((u, i) => uploads.findIndex((o) => o.uploadId === u.uploadId) !== i);
  for (const dupe of dupes) problems.push({ field: dupe.field, message: 'this upload is already referenced elsewhere in the application' });
  if (problems.length) throw new BadInputError(problems);
  return valid;
}
