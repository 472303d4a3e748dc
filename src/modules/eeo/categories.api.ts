import { registerEnumType } from 'type-graphql';

/**
 * THE voluntary self-identification questions and their answers, in one place: the
 * US EEO-1 race/ethnicity and sex categories, VEVRAA's protected-veteran status and
 * Section 503's disability status, each with "decline to answer". The GraphQL enums,
 * the hosted form, Lever's labels, Greenhouse's demographic ids, the table's columns
 * and the report are all derived from this table.
 *
 * A face of its own (`*.api.ts`) so that organizations' settings can name the questions
 * without importing the eeo module's services.
 */
export enum EeoQuestion {
  GENDER = 'GENDER',
  RACE_ETHNICITY = 'RACE_ETHNICITY',
  VETERAN_STATUS = 'VETERAN_STATUS',
  DISABILITY = 'DISABILITY',
}
registerEnumType(EeoQuestion, { name: 'EeoQuestion', description: 'A voluntary self-identification question (US EEO-1, VEVRAA, Section 503).' });

export const DECLINE = 'DECLINE_TO_ANSWER';

export interface EeoOption {
  code: string;
  /** The wording candidates see (Lever's eeoResponses send it back as the value). */
  label: string;
  /** Other wordings accepted from integrations (Lever's forms vary), compared case-insensitively. */
  aliases?: string[];
  /** Greenhouse's `answer_option_id` for this answer (stable: never renumber). */
  greenhouseId: number;
}

export interface EeoQuestionSpec {
  question: EeoQuestion;
  /** The eeo_responses column and the field name of the inputs (GraphQL, hosted form, Lever's eeoResponses key). */
  key: 'gender' | 'race' | 'veteran' | 'disability';
  /** The GraphQL enum of its answers. */
  enumName: string;
  label: string;
  /** Greenhouse's `question_id` (stable: never renumber). */
  greenhouseId: number;
  options: readonly EeoOption[];
}

const decline = (greenhouseId: number, aliases: string[] = []): EeoOption => ({
  code: DECLINE,
  label: 'I decline to answer',
  aliases: ['Decline to self-identify', "I don't wish to answer", 'I decline to self-identify', ...aliases],
  greenhouseId,
});

export const EEO_QUESTIONS: readonly EeoQuestionSpec[] = [
  {
    question: EeoQuestion.GENDER,
    key: 'gender',
    enumName: 'EeoGender',
    label: 'Gender',
    greenhouseId: 1,
    options: [
      { code: 'FEMALE', label: 'Female', greenhouseId: 101 },
      { code: 'MALE', label: 'Male', greenhouseId: 102 },
      decline(199),
    ],
  },
  {
    question: EeoQuestion.RACE_ETHNICITY,
    key: 'race',
    enumName: 'EeoRaceEthnicity',
    label: 'Race / ethnicity',
    greenhouseId: 2,
    options: [
      { code: 'HISPANIC_OR_LATINO', label: 'Hispanic or Latino', greenhouseId: 201 },
      { code: 'WHITE', label: 'White (not Hispanic or Latino)', aliases: ['White'], greenhouseId: 202 },
      { code: 'BLACK_OR_AFRICAN_AMERICAN', label: 'Black or African American (not Hispanic or Latino)', aliases: ['Black or African American'], greenhouseId: 203 },
      {
        code: 'NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER',
        label: 'Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)',
        aliases: ['Native Hawaiian or Other Pacific Islander'],
        greenhouseId: 204,
      },
      { code: 'ASIAN', label: 'Asian (not Hispanic or Latino)', aliases: ['Asian'], greenhouseId: 205 },
      {
        code: 'AMERICAN_INDIAN_OR_ALASKA_NATIVE',
        label: 'American Indian or Alaska Native (not Hispanic or Latino)',
        aliases: ['American Indian or Alaska Native'],
        greenhouseId: 206,
      },
      { code: 'TWO_OR_MORE_RACES', label: 'Two or More Races (not Hispanic or Latino)', aliases: ['Two or More Races'], greenhouseId: 207 },
      decline(299),
    ],
  },
  {
    question: EeoQuestion.VETERAN_STATUS,
    key: 'veteran',
    enumName: 'EeoVeteranStatus',
    label: 'Veteran status',
    greenhouseId: 3,
    options: [
      { code: 'PROTECTED_VETERAN', label: 'I identify as one or more of the classifications of protected veteran', aliases: ['I am a Protected Veteran', 'I am a protected veteran'], greenhouseId: 301 },
      { code: 'NOT_A_PROTECTED_VETERAN', label: 'I am not a protected veteran', greenhouseId: 302 },
      decline(399, ["I don't wish to answer"]),
    ],
  },
  {
    question: EeoQuestion.DISABILITY,
    key: 'disability',
    enumName: 'EeoDisability',
    label: 'Disability status',
    greenhouseId: 4,
    options: [
      { code: 'YES', label: 'Yes, I have a disability (or previously had a disability)', greenhouseId: 401 },
      { code: 'NO', label: "No, I don't have a disability", aliases: ['No, I do not have a disability'], greenhouseId: 402 },
      decline(499),
    ],
  },
];

export type EeoKey = EeoQuestionSpec['key'];

/** The GraphQL enum object of one question's answers (code → code), registered once per process. */
function answerEnum(spec: EeoQuestionSpec): Record<string, string> {
  const values = Object.fromEntries(spec.options.map((o) => [o.code, o.code]));
  registerEnumType(values, {
    name: spec.enumName,
    description: `${spec.label}: ${spec.options.map((o) => `${o.code} = "${o.label}"`).join('; ')}.`,
  });
  return values;
}

export const EEO_ANSWER_ENUMS: Record<EeoKey, Record<string, string>> = Object.fromEntries(EEO_QUESTIONS.map((spec) => [spec.key, answerEnum(spec)])) as Record<EeoKey, Record<string, string>>;

export function questionSpec(question: EeoQuestion): EeoQuestionSpec {
  return EEO_QUESTIONS.find((spec) => spec.question === question)!;
}
