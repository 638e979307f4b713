import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class PresenceHeartbeatDto {
  @ApiProperty({ description: 'Whether you are typing a reply or note right now' })
  @IsBoolean()
  typing!: boolean;
}

export class PresenceViewerDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() typing!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the entry lapses unless the viewer sends another heartbeat',
  })
  until!: string;
}

export class PresenceDto {
  @ApiProperty({ type: [PresenceViewerDto], description: 'Everyone else who has the thread open' })
  viewers!: PresenceViewerDto[];
}
