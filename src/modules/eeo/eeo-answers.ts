import type { FieldProblem } from '../../errors';
import { EEO_QUESTIONS, type EeoKey, type EeoQuestion, type EeoQuestionSpec } from './categories.api';

/** A candidate's self-identification: per question, an answer code of categories.api.ts; absent when not answered. */
export type EeoAnswers = Partial<Record<EeoKey, string>>;

const normalized = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The answer code a value names: the code itself, the label shown, or a known alias (case-insensitive). */
export function answerCodeOf(spec: EeoQuestionSpec, value: string): string | null {
  const wanted = normalized(value);
  const option = spec.options.find((o) => [o.code, o.label, ...(o.aliases ?? [])].some((name) => normalized(name) === wanted));
  return option?.code ?? null;
}

/**
 * Answers given as text per question key (GraphQL's enums, the hosted form's radios,
 * Lever's `eeoResponses`); an empty value is no answer. A value no option names is
 * a problem under `fieldOf(key)`.
 */
export function eeoAnswersFrom(values: Partial<Record<EeoKey, unknown>>, fieldOf: (key: EeoKey) => string, problems: FieldProblem[]): EeoAnswers {
  const answers: EeoAnswers = {};
  for (const spec of EEO_QUESTIONS) {
    const value = values[spec.key];
    if (value == null || value === '') continue;
    const code = typeof value === 'string' ? answerCodeOf(spec, value) : null;
    if (code) answers[spec.key] = code;
    else problems.push({ field: fieldOf(spec.key), message: `must be one of: ${spec.options.map((o) => `"${o.label}"`).join(', ')}` });
  }
  return answers;
}

export function hasEeoAnswers(answers: EeoAnswers | null | undefined): answers is EeoAnswers {
  return answers != null && Object.values(answers).some((v) => v != null);
}

/** Only the questions the organization asks: an answer to one it does not ask is not kept (it was never offered). */
export function askedOnly(answers: EeoAnswers, asked: readonly EeoQuestion[]): EeoAnswers {
  const kept: EeoAnswers = {};
  for (const spec of EEO_QUESTIONS) if (asked.includes(spec.question) && answers[spec.key]) kept[spec.key] = answers[spec.key];
  return kept;
}
