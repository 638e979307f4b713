import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { ContactErasure } from './contact-erasure.service';
import { ConfirmErasureDto } from './dto/confirm-erasure.dto';
import { ErasureRequestDto, ErasureResultDto } from './dto/contact.response';

@ApiTags('compliance')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('contacts/:id/erasure')
export class ContactErasureController {
  constructor(private readonly erasure: ContactErasure) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'What erasing the contact would remove, and a token to confirm it; erases nothing',
  })
  @ApiOkResponse({ type: ErasureRequestDto })
  request(@Param('id', IdParam()) id: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.erasure.request(id, admin.id);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Erases the contact's data (GDPR art. 17) with the token from the request",
  })
  @ApiOkResponse({ type: ErasureResultDto })
  confirm(
    @Param('id', IdParam()) id: string,
    @Body() body: ConfirmErasureDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return this.erasure.confirm(id, admin.id, body.confirmationToken);
  }
}
