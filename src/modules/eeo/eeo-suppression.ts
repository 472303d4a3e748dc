import { EEO_QUESTIONS } from './categories.api';
import type { EeoCountRow } from './eeo.repository';
import type { EeoReportQuestion } from './eeo-report.types';

/** The smallest count a report shows: a smaller cell could point at a person. */
export const MINIMUM_CELL_SIZE = 5;

interface Cell {
  answer: string;
  label: string;
  count: number;
  suppressed: boolean;
}

/**
 * Suppresses one question's small cells, and enough others that none can be worked out:
 * - every cell under MINIMUM_CELL_SIZE, zero included (a zero says "nobody", which is as telling);
 * - when exactly one cell is suppressed, the smallest shown cell too, because the total
 *   (`responses`) minus the shown cells would otherwise give it (complementary suppression);
 * - everything, when the period holds fewer than MINIMUM_CELL_SIZE responses.
 */
export function suppress(cells: Cell[], responses: number): Cell[] {
  if (responses < MINIMUM_CELL_SIZE) return cells.map((cell) => ({ ...cell, suppressed: true }));
  const out = cells.map((cell) => ({ ...cell, suppressed: cell.count < MINIMUM_CELL_SIZE }));
  if (out.filter((cell) => cell.suppressed).length === 1) {
    const shown = out.filter((cell) => !cell.suppressed).sort((a, b) => a.count - b.count);
    if (shown[0]) shown[0].suppressed = true;
  }
  return out;
}

/** The report's questions from the counts: every answer of every question, suppressed as above. */
export function reportQuestions(rows: readonly EeoCountRow[], responses: number): EeoReportQuestion[] {
  return EEO_QUESTIONS.map((spec) => {
    const cells = spec.options.map((option) => ({
      answer: option.code,
      label: option.label,
      count: rows.find((row) => row.key === spec.key && row.answer === option.code)?.count ?? 0,
      suppressed: false,
    }));
    return {
      question: spec.question,
      label: spec.label,
      cells: suppress(cells, responses).map((cell) => ({ answer: cell.answer, label: cell.label, suppressed: cell.suppressed, count: cell.suppressed ? null : cell.count })),
    };
  });
}
