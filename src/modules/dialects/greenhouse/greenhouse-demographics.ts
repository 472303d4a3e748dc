import type { FieldProblem } from '../../../errors';
import { EEO_QUESTIONS, type EeoAnswers, type EeoQuestion } from '../../eeo';

/**
 * Greenhouse's `demographic_answers` (JSON: `[{"question_id": 2, "answer_options": [{"answer_option_id": 205}]}]`)
 * mapped onto the EEO answers. The question and option ids are the `greenhouseId`s of
 * eeo/categories.api.ts, which the job's `demographic_questions` lists. One option per
 * question (EEO-1 counts each person once); a problem names `demographic_answers[i]...`.
 */
export function demographicAnswersOf(value: unknown, problems: FieldProblem[]): EeoAnswers {
  const answers: EeoAnswers = {};
  if (value == null || value === '') return answers;
  if (!Array.isArray(value)) {
    problems.push({ field: 'demographic_answers', message: 'must be a list of {question_id, answer_options: [{answer_option_id}]}' });
    return answers;
  }
  value.forEach((entry: unknown, i) => {
    const field = `demographic_answers[${i}]`;
    const item = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : null;
    const spec = EEO_QUESTIONS.find((q) => String(q.greenhouseId) === String(item?.question_id));
    if (!spec) {
      problems.push({ field: `${field}.question_id`, message: `unknown demographic question; expected one of ${EEO_QUESTIONS.map((q) => q.greenhouseId).join(', ')}` });
      return;
    }
    const options = Array.isArray(item!.answer_options) ? item!.answer_options : null;
    if (!options || options.length !== 1) {
      problems.push({ field: `${field}.answer_options`, message: 'must hold exactly one {answer_option_id}' });
      return;
    }
    const chosen = options[0] && typeof options[0] === 'object' ? (options[0] as Record<string, unknown>).answer_option_id : undefined;
    const option = spec.options.find((o) => String(o.greenhouseId) === String(chosen));
    if (!option) {
      problems.push({ field: `${field}.answer_options[0].answer_option_id`, message: `not an option of question ${spec.greenhouseId} (${spec.options.map((o) => o.greenhouseId).join(', ')})` });
      return;
    }
    if (answers[spec.key]) problems.push({ field: `${field}.question_id`, message: 'answered twice' });
    else answers[spec.key] = option.code;
  });
  return answers;
}

/**
 * The job's `demographic_questions` (with `?questions=true`) when the organization asks any:
 * Greenhouse's shape, with the ids `demographic_answers` takes. Null when it asks none.
 */
export function demographicQuestions(asked: readonly EeoQuestion[]) {
  const specs = EEO_QUESTIONS.filter((spec) => asked.includes(spec.question));
  if (!specs.length) return null;
  return {
    header: 'Voluntary self-identification',
    description: '<p>Answering is voluntary and has no effect on your application. Your answers are kept apart from it and are reported only in aggregate.</p>',
    questions: specs.map((spec) => ({
      id: spec.greenhouseId,
      label: spec.label,
      required: false,
      type: 'multi_value_single_select',
      answer_options: spec.options.map((o) => ({ id: o.greenhouseId, label: o.label, free_form: false })),
    })),
  };
}
