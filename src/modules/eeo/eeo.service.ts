import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { BadInputError, type FieldProblem } from '../../errors';
import { isUuid } from '../../ids';
import type { EeoQuestion } from './categories.api';
import { askedOnly, hasEeoAnswers, type EeoAnswers } from './eeo-answers';
import { EeoRepository } from './eeo.repository';
import type { EeoReport } from './eeo-report.types';
import { MINIMUM_CELL_SIZE, reportQuestions } from './eeo-suppression';

export interface EeoReportFilter {
  postingId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const DAY_MS = 86_400_000;
const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS);

/**
 * Voluntary self-identification, held apart: the answers are written with the
 * application (in its transaction) into a table of their own, and leave it only as
 * suppressed aggregates. Nothing here returns a single response.
 */
export class EeoService {
  private readonly repository = new EeoRepository();

  /**
   * Records an application's answers in the caller's transaction, keeping only the
   * questions the organization asks (`asked`). Returns whether anything was written.
   */
  async record(tx: EntityManager, row: { organizationId: string; applicationId: string; postingId: string; answers: EeoAnswers; asked: readonly EeoQuestion[] }): Promise<boolean> {
    const answers = askedOnly(row.answers, row.asked);
    if (!hasEeoAnswers(answers)) return false;
    await this.repository.insert(tx, { organizationId: row.organizationId, applicationId: row.applicationId, postingId: row.postingId, answers });
    return true;
  }

  /**
   * Counts per question and answer, cells under MINIMUM_CELL_SIZE suppressed (eeo-suppression.ts).
   * The period is widened to whole UTC days, so that two reports whose ends differ by
   * seconds cannot be subtracted to isolate one applicant.
   */
  async report(scope: Scope, filter: EeoReportFilter): Promise<EeoReport> {
    const problems: FieldProblem[] = [];
    if (filter.postingId != null && !isUuid(filter.postingId)) problems.push({ field: 'postingId', message: 'must be a posting id' });
    const from = filter.from ? floorDay(filter.from) : null;
    const to = filter.to ? ceilDay(filter.to) : null;
    if (from && to && from >= to) problems.push({ field: 'to', message: 'must be after from' });
    if (problems.length) throw new BadInputError(problems);
    const { rows, responses } = await this.repository.counts(scope.em, {
      organizationId: scope.principal.organizationId,
      postingId: filter.postingId?.toLowerCase() ?? null,
      from,
      to,
      allowConfidential: scope.principal.allowConfidential,
    });
    return {
      minimumCellSize: MINIMUM_CELL_SIZE,
      responses: responses < MINIMUM_CELL_SIZE ? null : responses,
      from,
      to,
      questions: reportQuestions(rows, responses),
    };
  }
}
