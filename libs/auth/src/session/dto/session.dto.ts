import { ApiProperty } from '@nestjs/swagger';
import { MeDto } from '../../me/dto/me.dto';

export class SessionDto {
  @ApiProperty({ type: MeDto })
  user!: MeDto;

  @ApiProperty({
    description: 'Send as X-CSRF-Token on every request other than GET, HEAD and OPTIONS',
  })
  csrfToken!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: Date;
}
