import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { CreateRecordExportDto } from './dto/create-record-export.dto';
import { ListRecordExportsQuery } from './dto/list-record-exports.query';
import {
  RecordExportDetailDto,
  RecordExportPageDto,
  RecordExportQueuedDto,
} from './dto/record-export.response';
import { RecordExportRequests } from './record-export-requests.service';

@ApiTags('records')
@ApiBearerAuth()
@Roles('ADMIN', 'LEAD')
@Controller('record-exports')
export class RecordExportsController {
  constructor(private readonly exports: RecordExportRequests) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Export threads (by id, or all matching a filter) as a record package',
  })
  @ApiAcceptedResponse({
    type: RecordExportQueuedDto,
    description: 'Queued; follow it with GET /record-exports/:id',
  })
  @ApiNotFoundResponse({ description: 'A named thread does not exist or is not one you may see' })
  @ApiUnprocessableEntityResponse({ description: 'The selection is empty or too large' })
  request(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateRecordExportDto,
    @Req() request: { id?: unknown },
  ) {
    return this.exports.request(user, body, String(request.id));
  }

  @Get()
  @ApiOperation({ summary: 'Record exports, newest first (leads: their own)' })
  @ApiOkResponse({ type: RecordExportPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListRecordExportsQuery) {
    return this.exports.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One record export: status, progress, checksum, who and when' })
  @ApiOkResponse({ type: RecordExportDetailDto })
  @ApiNotFoundResponse({ description: 'No such export, or not one you may see' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', IdParam()) id: string) {
    return this.exports.get(user, id);
  }

  @Get(':id/package')
  @ApiOperation({
    summary: 'The record package (zip); Repr-Digest carries its SHA-256 (RFC 9530)',
  })
  @ApiProduces('application/zip')
  @ApiNotFoundResponse({ description: 'No such export, or not one you may see' })
  @ApiConflictResponse({ description: 'The package is not ready, or the export failed' })
  async package(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { zip, sha256 } = await this.exports.package(user, id);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="svara-record-${id}.zip"`,
      length: zip.length,
    });
  }
}
