import { Body, Controller, HttpCode, Post, SetMetadata } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from './decorators';
import { LOGIN_ROUTE } from './throttling';
import { AccessTokenDto, LoginDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly users: UsersService) {}

  @Post('login')
  @Public()
  @SetMetadata(LOGIN_ROUTE, true)
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts for this account or address; see Retry-After',
  })
  async login(@Body() dto: LoginDto): Promise<AccessTokenDto> {
    return { accessToken: await this.users.login(dto.email, dto.password) };
  }
}
