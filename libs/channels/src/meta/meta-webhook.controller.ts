import {
  Controller,
  ForbiddenException,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Post,
  Query,
  type RawBodyRequest,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppConfig } from '@svara/config';
import { Public } from '@svara/http';
import { MetaWebhookIntake } from './meta-webhook-intake.service';
import { hasValidSignature } from './webhook-signature';

/**
 * Meta's webhook for Pages and Instagram accounts. Items are stored as the
 * channel's raw items and go through the same ingest as polls, so a webhook
 * and a later poll of one message give one message.
 */
@ApiTags('webhooks')
@Controller('webhooks/meta')
export class MetaWebhookController {
  constructor(
    private readonly config: AppConfig,
    private readonly intake: MetaWebhookIntake,
  ) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: "Meta's subscription check: answers hub.challenge" })
  verify(
    @Query('hub.mode') mode?: string,
    @Query('hub.verify_token') token?: string,
    @Query('hub.challenge') challenge?: string,
  ): string {
    const expected = this.config.meta.verifyToken;
    if (!expected) throw new NotFoundException('Meta webhooks are not configured');
    if (mode !== 'subscribe' || token !== expected || !challenge) {
      throw new ForbiddenException('hub.verify_token does not match');
    }
    return challenge;
  }

  @Public()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Messages and comments from Meta, signed with X-Hub-Signature-256' })
  @ApiOkResponse({ description: 'Accepted (stored for ingest)' })
  async receive(
    @Req() request: RawBodyRequest<Request> & { id?: unknown },
    @Headers('x-hub-signature-256') signature?: string,
  ): Promise<{ stored: number }> {
    const secret = this.config.meta.appSecret;
    if (!secret) throw new NotFoundException('Meta webhooks are not configured');
    if (!hasValidSignature(request.rawBody, signature, secret)) {
      throw new UnauthorizedException('X-Hub-Signature-256 is missing or does not match the body');
    }
    const stored = await this.intake.store(request.body, String(request.id));
    return { stored };
  }
}
