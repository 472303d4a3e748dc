import type { TestApp } from '../helpers/test-app';

export const SET_EEO = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { settings { eeoQuestions } } }`;

export const EEO_REPORT = `query($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {
  eeoReport(postingId: $postingId, from: $from, to: $to) {
    minimumCellSize responses from to
    questions { question label cells { answer label count suppressed } }
  }
}`;

export const APPLY_WITH_EEO = `mutation($postingId: ID!, $input: ApplicationInput!, $eeo: EeoAnswersInput) {
  applyToPosting(postingId: $postingId, input: $input, eeo: $eeo) { applicationId }
}`;

export interface EeoRow {
  application_id: string;
  posting_id: string;
  gender: string | null;
  race: string | null;
  veteran: string | null;
  disability: string | null;
}

/** The EEO row of an application, read past every filter (test assertions only). */
export async function eeoRowOf(t: TestApp, applicationId: string): Promise<EeoRow | null> {
  const rows = await t.orm.em.getConnection().execute<EeoRow[]>(
    'select application_id, posting_id, gender, race, veteran, disability from eeo_responses where application_id = ?',
    [applicationId],
  );
  return rows[0] ?? null;
}

export interface ReportCell {
  answer: string;
  label: string;
  count: number | null;
  suppressed: boolean;
}
export interface Report {
  minimumCellSize: number;
  responses: number | null;
  from: string | null;
  to: string | null;
  questions: { question: string; label: string; cells: ReportCell[] }[];
}

export function cellsOf(report: Report, question: string): Record<string, ReportCell> {
  const q = report.questions.find((x) => x.question === question);
  if (!q) throw new Error(`no question ${question}`);
  return Object.fromEntries(q.cells.map((c) => [c.answer, c]));
}
