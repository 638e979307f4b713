import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class AttachmentQuery {
  @ApiPropertyOptional({
    enum: ['thumb'],
    description: 'thumb: a WebP thumbnail of an image (at most 320 px a side)',
  })
  @IsOptional()
  @IsIn(['thumb'], { message: 'size must be thumb' })
  size?: 'thumb';
}
