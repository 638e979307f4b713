import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import {
  type AuthenticatedUser,
  CurrentUser,
  Public,
  RateLimitGuard,
  SESSION_COOKIE,
} from '@svara/http';
import { LoginDto } from '../dto/login.dto';
import { MeDto, UpdateMeDto } from '../me/dto/me.dto';
import { MeService } from '../me/me.service';
import { BrowserSessions, type CookieRequest } from './browser-sessions.service';
import { SessionDto } from './dto/session.dto';

@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly me: MeService,
  ) {}

  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ public: true })
  @Post('session')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Sign a browser in: sets the httpOnly ${SESSION_COOKIE} cookie and returns the CSRF token`,
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or locked out' })
  @ApiTooManyRequestsResponse({ description: 'Too many login attempts from this address' })
  async start(
    @Body() body: LoginDto,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const grant = await this.sessions.start(request, response, body.email, body.password);
    return {
      user: await this.me.me(grant.userId),
      csrfToken: grant.csrfToken,
      expiresAt: grant.expiresAt,
    };
  }

  @Get('session')
  @ApiCookieAuth()
  @ApiOperation({ summary: "The browser's session (the web app's boot call), or 401" })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'No session, or it expired or was revoked' })
  async current(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const session = await this.sessions.resume(request, response);
    return { user: await this.me.me(user.id), ...session };
  }

  @Public()
  @Delete('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Sign this browser out (its cookie is cleared and refused); POST /auth/logout signs out every device',
  })
  @ApiNoContentResponse()
  end(@Req() request: CookieRequest, @Res({ passthrough: true }) response: Response) {
    return this.sessions.end(request, response);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Your settings: the language the web app shows (null: the browser’s)' })
  @ApiOkResponse({ type: MeDto })
  @ApiForbiddenResponse({ description: 'CSRF token missing or invalid (cookie sessions)' })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.me.setLocale(user.id, body.locale);
  }
}
