import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { IdParam, Public, RateLimitGuard } from '@svara/http';
import { SubmissionAcceptedDto, WebFormSubmissionDto } from './dto/web-form-submission.dto';
import { WebFormIntake } from './web-form-intake.service';

@ApiTags('web forms')
@Controller('forms')
export class WebFormController {
  constructor(private readonly intake: WebFormIntake) {}

  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ login: true })
  @Post(':channelId/submissions')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({ summary: "A citizen's message from a municipality's web form" })
  @ApiAcceptedResponse({ type: SubmissionAcceptedDto })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address' })
  submit(
    @Param('channelId', IdParam())
    channelId: string,
    @Body() body: WebFormSubmissionDto,
    @Req() request: { id?: unknown },
    @Headers('origin') origin?: string,
  ): Promise<SubmissionAcceptedDto> {
    return this.intake.submit(channelId, body, origin, String(request.id));
  }
}
