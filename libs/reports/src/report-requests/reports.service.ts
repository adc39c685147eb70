import { GoneException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream, ReadStream } from 'fs';
import { stat } from 'fs/promises';
import { DataSource } from 'typeorm';
import { Actor, DomainError, Page, requestedJobsPage, STAFF } from '@cascade/platform';
import { CascadeAccess } from '@cascade/cascade';
import { ReportAcceptedView, CreateReportDto, ReportQuery, ReportView } from './report-request.dto';
import { ReportRequest } from './report-request.entity';
import { checkReportRequest } from './report-scope';
import { ReportQueue } from './report-queue.service';
import { ReportLinks, SignedLink } from './report-links';

export interface ReportFile {
  stream: ReadStream;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** Report requests as the API sees them: asked for, listed, followed, downloaded. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: ReportQueue,
    private readonly access: CascadeAccess,
    private readonly links: ReportLinks,
  ) {}

  /** The request row is committed before its job is enqueued: PostgreSQL owns the work. */
  async request(dto: CreateReportDto, actor: Actor): Promise<ReportAcceptedView> {
    const params = await checkReportRequest(this.db, this.access, dto, actor);
    const id = await this.db.transaction(async (tx) => {
      const { identifiers } = await tx.insert(ReportRequest, {
        requestedBy: actor.userId,
        programmeId: dto.programmeId,
        kind: dto.kind,
        format: dto.format,
        language: dto.language,
        params,
        status: 'queued',
        progress: 0,
      });
      return identifiers[0].id as string;
    });
    await this.queue.enqueue(id);
    return { id, status: 'queued' };
  }

  /** One's own requests; administrators and coordinators see everyone's. Newest first. */
  async list(query: ReportQuery, actor: Actor): Promise<Page<ReportView>> {
    const [items, total] = await requestedJobsPage(
      this.db.getRepository(ReportRequest),
      query,
      STAFF.includes(actor.role) ? null : actor.userId,
      { programmeId: query.programmeId, kind: query.kind, status: query.status },
    );
    return Page.of(
      items.map((item) => ReportView.of(item)),
      total,
      query,
    );
  }

  async get(id: string, actor: Actor): Promise<ReportView> {
    return ReportView.of(await this.visible(id, actor));
  }

  /** 409 until the file is ready, 410 once it has expired (or its file is gone). */
  async file(id: string, actor: Actor): Promise<ReportFile> {
    return this.readyFile(await this.visible(id, actor));
  }

  /** A link that opens the file without a token, for whoever may see the report; 409 until it is done. */
  async link(id: string, actor: Actor): Promise<SignedLink> {
    const request = await this.visible(id, actor);
    await stat(this.readyPath(request)).catch(() => {
      throw new GoneException(`status: the file of report ${id} is no longer kept`);
    });
    return this.links.sign(id);
  }

  /** The file behind a signed link: the signature stands for the caller. */
  async fileByLink(id: string, expires: number, signature: string): Promise<ReportFile> {
    this.links.verify(id, expires, signature);
    const request = await this.db.getRepository(ReportRequest).findOneBy({ id });
    if (!request) throw DomainError.notFound('report', id);
    return this.readyFile(request);
  }

  private async readyFile(request: ReportRequest): Promise<ReportFile> {
    const path = this.readyPath(request);
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined)
      throw new GoneException(`status: the file of report ${request.id} is no longer kept`);
    return {
      stream: createReadStream(path),
      fileName: request.fileName!,
      contentType: request.contentType!,
      sizeBytes: size,
    };
  }

  /** The file's path once the report is done and not expired: 409 before, 410 after. */
  private readyPath(request: ReportRequest): string {
    const { id } = request;
    if (request.status === 'expired')
      throw new GoneException(`status: report ${id} expired at ${request.expiresAt?.toISOString()}`);
    if (request.status === 'failed')
      throw DomainError.conflict(`status: report ${id} failed: ${request.error}`);
    if (request.status !== 'done') {
      throw DomainError.conflict(
        `status: report ${id} is ${request.status} (${request.progress}%); try again when it is done`,
      );
    }
    if (request.expiresAt! <= new Date())
      throw new GoneException(`status: report ${id} expired at ${request.expiresAt!.toISOString()}`);
    return request.filePath!;
  }

  /** Whoever may see a request may download it: its requester, administrators and coordinators. */
  private async visible(id: string, actor: Actor): Promise<ReportRequest> {
    const request = await this.db.getRepository(ReportRequest).findOneBy({ id });
    if (!request) throw DomainError.notFound('report', id);
    if (request.requestedBy !== actor.userId && !STAFF.includes(actor.role)) {
      throw DomainError.forbidden(`report ${id} was asked for by someone else`);
    }
    return request;
  }
}
