import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ConfirmErasureDto {
  @ApiProperty({ description: 'The token POST /contacts/:id/erasure returned' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, {
    message: 'confirmationToken must be the token the erasure request returned',
  })
  confirmationToken!: string;
}
