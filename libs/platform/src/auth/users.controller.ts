import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageOf } from '../http/pagination';
import { UuidParam } from '../http/uuid.pipe';
import { Roles } from './decorators';
import { temporaryPassword } from './temporary-password';
import { CreateUserDto, PasswordResetView, UpdateUserDto, UserQuery, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: pageOf(UserView) })
  list(@Query() query: UserQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiOkResponse({ type: UserView })
  get(@UuidParam('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role, person link or password" })
  @ApiOkResponse({ type: UserView })
  update(@UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  /** The new password is answered once and stored only as a hash; the old one stops working. */
  @Post(':id/password-reset')
  @ApiOperation({ summary: "Reset a user's password to a temporary one, answered once" })
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetView })
  async resetPassword(@UuidParam('id') id: string): Promise<PasswordResetView> {
    const password = temporaryPassword();
    const user = await this.users.update(id, { password });
    return { user, temporaryPassword: password };
  }
}
