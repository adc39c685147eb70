import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '../http/pagination';
import { UuidPipe } from '../http/uuid.pipe';
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
  @ApiOkResponse({ type: Page<UserView> })
  list(@Query() query: UserQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  get(@Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  /** The new password is answered once and stored only as a hash; the old one stops working. */
  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetView })
  async resetPassword(@Param('id', UuidPipe) id: string): Promise<PasswordResetView> {
    const password = temporaryPassword();
    const user = await this.users.update(id, { password });
    return { user, temporaryPassword: password };
  }
}
