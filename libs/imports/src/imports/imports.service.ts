import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'stream';
import { DataSource } from 'typeorm';
import {
  Actor,
  DomainError,
  ErrorCode,
  execute,
  Page,
  queryRows,
  registerConstraints,
  requestedJobsPage,
} from '@cascade/platform';
import { CascadeAccess } from '@cascade/cascade';
import { checkRosterUpload, UploadedCsv } from '../roster/roster-file';
import { RowError } from '../roster/roster-row';
import { ImportAcceptedView, ImportQuery, ImportView, UploadRosterDto } from './import.dto';
import { Import, ImportKind } from './import.entity';
import { completionsHeaderProblem } from '../completions/completion-row';
import { ImportQueue } from './import-queue.service';
import { errorCsv, ERRORS_SQL } from './error-report';

registerConstraints({
  fk_imports_cohort: { code: ErrorCode.Invalid, message: 'cohortId: no such cohort' },
});

/** Imports as the API sees them: uploaded, listed, followed, their error report read. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly queue: ImportQueue,
  ) {}

  /**
   * The import row and its file are committed before the job is enqueued: PostgreSQL owns the
   * work. A master teacher may import only into a cohort they lead.
   */
  async upload(
    files: UploadedCsv[] | undefined,
    dto: UploadRosterDto,
    actor: Actor,
    kind: ImportKind = 'roster',
  ): Promise<ImportAcceptedView> {
    await this.assertMayImport(actor, dto.cohortId, kind);
    const file = checkRosterUpload(files, kind === 'completions' ? completionsHeaderProblem : undefined);
    const id = await this.db.transaction(async (tx) => {
      const [{ id }] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO imports (requested_by, kind, cohort_id, file_name, size_bytes)
         VALUES ($1, $5, $2, $3, $4) RETURNING id`,
        [actor.userId, dto.cohortId ?? null, file.originalname, file.size, kind],
      );
      await execute(tx, `INSERT INTO import_files (import_id, content) VALUES ($1, $2)`, [id, file.buffer]);
      return id as string;
    });
    await this.queue.enqueue(id);
    return { id, status: 'queued' };
  }

  /** One's own imports; an administrator sees everyone's. Newest first. */
  async list(query: ImportQuery, actor: Actor): Promise<Page<ImportView>> {
    const [items, total] = await requestedJobsPage(
      this.db.getRepository(Import),
      query,
      actor.role === 'admin' ? null : actor.userId,
      { status: query.status, cohortId: query.cohortId },
    );
    return Page.of(items.map(ImportView.of), total, query);
  }

  async get(id: string, actor: Actor): Promise<ImportView> {
    return ImportView.of(await this.visible(id, actor));
  }

  /** The row-level report: 409 until the import has read its whole file. */
  async errors(
    id: string,
    actor: Actor,
  ): Promise<{ id: string; status: Import['status']; errorRows: number; errors: RowError[] }> {
    const found = await this.finished(id, actor);
    const errors = await queryRows<RowError>(this.db, ERRORS_SQL, [id]);
    return { id: found.id, status: found.status, errorRows: found.errorRows, errors };
  }

  /** The same report as a CSV stream (bounded memory, whatever its length). */
  async errorsCsv(id: string, actor: Actor): Promise<Readable> {
    await this.finished(id, actor);
    return errorCsv(this.db, id);
  }

  private async finished(id: string, actor: Actor): Promise<Import> {
    const found = await this.visible(id, actor);
    if (found.status === 'queued' || found.status === 'running') {
      throw DomainError.conflict(
        `status: import ${id} is ${found.status} (${found.progress}%); its error report is complete when it is done`,
      );
    }
    return found;
  }

  private async assertMayImport(actor: Actor, cohortId: string | undefined, kind: ImportKind): Promise<void> {
    if (actor.role === 'admin' || actor.role === 'coordinator') return;
    if (actor.role !== 'master_teacher') throw DomainError.forbidden(`role: a ${actor.role} may not import`);
    if (!cohortId) {
      throw DomainError.forbidden('cohortId: a master teacher imports into a cohort they lead; name it');
    }
    if (!(await this.access.leadsCohortId(actor, cohortId))) {
      throw DomainError.forbidden(`cohortId: cohort ${cohortId} is not led by you`);
    }
    // A roster enrols people (running cohorts only); completions are dated by the completion rule.
    if (kind === 'roster') await this.access.assertMayEnrolInto(actor, cohortId);
  }

  /** Whoever asked for an import may follow it, and so may an administrator. */
  private async visible(id: string, actor: Actor): Promise<Import> {
    const found = await this.db.getRepository(Import).findOneBy({ id });
    if (!found) throw DomainError.notFound('import', id);
    if (found.requestedBy !== actor.userId && actor.role !== 'admin') {
      throw DomainError.forbidden(`import ${id} was made by someone else`);
    }
    return found;
  }
}
