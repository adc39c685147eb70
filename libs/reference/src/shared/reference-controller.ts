import { Body, Get, Patch, Post, Query, Type } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorBody, Page, PageQuery, READERS, Role, Roles, UuidParam } from '@cascade/platform';

/** What a reference controller's routes call. */
export interface ReferenceService<Entity, Create, Update, Q = never> {
  list(query: Q): Promise<Page<Entity>>;
  get(id: string): Promise<Entity>;
  create(dto: Create): Promise<Entity>;
  update(id: string, dto: Update): Promise<Entity>;
}

export interface ReferenceWriteRoutes<Entity, Create, Update> {
  entity: Type<Entity>;
  create: Type<Create>;
  update: Type<Update>;
  writers: Role[];
  summaries: { create: string; update: string };
  /** The 409 a unique constraint answers with. */
  conflict: string;
}

export interface ReferenceRoutes<Entity, Create, Update, Q> extends ReferenceWriteRoutes<
  Entity,
  Create,
  Update
> {
  page: Type<Page<Entity>>;
  query: Type<Q>;
  summaries: { list: string; get: string; create: string; update: string };
}

// Generic parameters leave TypeScript's design:paramtypes as Object; validation and the OpenAPI
// document read the DTO classes from it, so each route names its own.
function paramTypes(target: object, method: string, types: unknown[]): void {
  Reflect.defineMetadata('design:paramtypes', types, target, method);
}

/** POST / and PATCH /:id of a reference table, with the roles, docs and 409 the four share. */
export function ReferenceWrites<Entity, Create, Update>(
  routes: ReferenceWriteRoutes<Entity, Create, Update>,
) {
  abstract class Writes {
    constructor(
      protected readonly records: Pick<ReferenceService<Entity, Create, Update>, 'create' | 'update'>,
    ) {}

    @Post()
    @ApiOperation({ summary: routes.summaries.create })
    @Roles(...routes.writers)
    @ApiCreatedResponse({ type: routes.entity })
    @ApiConflictResponse({ type: ErrorBody, description: routes.conflict })
    create(@Body() dto: Create): Promise<Entity> {
      return this.records.create(dto);
    }

    @Patch(':id')
    @ApiOperation({ summary: routes.summaries.update })
    @Roles(...routes.writers)
    @ApiOkResponse({ type: routes.entity })
    @ApiConflictResponse({ type: ErrorBody, description: routes.conflict })
    update(@UuidParam('id') id: string, @Body() dto: Update): Promise<Entity> {
      return this.records.update(id, dto);
    }
  }
  paramTypes(Writes.prototype, 'create', [routes.create]);
  paramTypes(Writes.prototype, 'update', [String, routes.update]);
  return Writes;
}

/** GET /, GET /:id, POST / and PATCH /:id of a reference table every signed-in role reads. */
export function ReferenceController<Entity, Create, Update, Q extends PageQuery>(
  routes: ReferenceRoutes<Entity, Create, Update, Q>,
) {
  abstract class Reads extends ReferenceWrites(routes) {
    constructor(protected readonly service: ReferenceService<Entity, Create, Update, Q>) {
      super(service);
    }

    @Get()
    @ApiOperation({ summary: routes.summaries.list })
    @Roles(...READERS)
    @ApiOkResponse({ type: routes.page })
    list(@Query() query: Q): Promise<Page<Entity>> {
      return this.service.list(query);
    }

    @Get(':id')
    @ApiOperation({ summary: routes.summaries.get })
    @Roles(...READERS)
    @ApiOkResponse({ type: routes.entity })
    get(@UuidParam('id') id: string): Promise<Entity> {
      return this.service.get(id);
    }
  }
  paramTypes(Reads.prototype, 'list', [routes.query]);
  paramTypes(Reads.prototype, 'get', [String]);
  return Reads;
}
