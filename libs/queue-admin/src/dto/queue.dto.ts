import { ApiProperty } from '@nestjs/swagger';
import { QUEUES, type QueueName } from '@svara/pipeline';

export const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];
export const LISTED_STATES = ['failed', 'delayed', 'waiting', 'active', 'completed'] as const;
export type ListedState = (typeof LISTED_STATES)[number];

export class QueueCountsDto {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Kept for an hour after they finish' }) completed!: number;
}

export class QueueDto {
  @ApiProperty({ enum: QUEUE_NAMES, enumName: 'QueueName' }) name!: QueueName;
  @ApiProperty({ type: QueueCountsDto }) counts!: QueueCountsDto;
}

export class QueueListDto {
  @ApiProperty({ type: [QueueDto] }) data!: QueueDto[];
}

export class JobDetailDto {
  @ApiProperty({ description: 'batch, channel, message, thread, run, export, …' }) name!: string;
  @ApiProperty() value!: string;
}

export class QueueJobDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The job name from the job catalogue' }) name!: string;
  @ApiProperty({ enum: LISTED_STATES, enumName: 'QueueJobState' }) state!: ListedState;
  @ApiProperty({
    type: [JobDetailDto],
    description: 'Ids of the rows the job works on and sizes; never personal data',
  })
  details!: JobDetailDto[];
  @ApiProperty({ description: 'Attempts made so far' }) attemptsMade!: number;
  @ApiProperty({ description: 'Attempts the job is allowed' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why its last attempt failed' })
  failedReason!: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class QueueJobPageDto {
  @ApiProperty({ type: [QueueJobDto] }) data!: QueueJobDto[];
  @ApiProperty({ description: 'Jobs of that state in the queue' }) total!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'offset of the next page' })
  nextOffset!: number | null;
}

export class JobActionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: QUEUE_NAMES, enumName: 'QueueName' }) queue!: QueueName;
  @ApiProperty({ enum: ['waiting', 'removed'] }) outcome!: 'waiting' | 'removed';
}
