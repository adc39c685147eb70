import { Body, Controller, HttpCode, Post, Res, SetMetadata } from '@nestjs/common';
import { Response } from 'express';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BodyLimit } from '../http/routes';
import { Public } from './decorators';
import { LOGIN_ROUTE } from './throttling';
import { AccessTokenDto, LoginDto } from './user.dto';
import { AccountLockedError, LoginService } from './login.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Post('login')
  @ApiOperation({ summary: 'Log in: exchange email and password for an access token' })
  @Public()
  @BodyLimit('4kb')
  @SetMetadata(LOGIN_ROUTE, true)
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts for this account or address; see Retry-After',
  })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<AccessTokenDto> {
    try {
      return { accessToken: await this.logins.login(dto.email, dto.password) };
    } catch (error) {
      if (error instanceof AccountLockedError) res.header('Retry-After', String(error.retryAfter));
      throw error;
    }
  }
}
