import { type PipeTransform } from '@nestjs/common';
import { NotFound } from '@svara/common';
import type { QueueName } from '@svara/pipeline';
import { QUEUE_NAMES } from './dto/queue.dto';

/** A queue the catalogue does not have names nothing here: 404. */
export class QueueNamePipe implements PipeTransform<string, QueueName> {
  transform(value: string): QueueName {
    if (!(QUEUE_NAMES as string[]).includes(value)) throw new NotFound('Queue');
    return value as QueueName;
  }
}

/** Job ids are the catalogue's (letters, digits, '.', '-', '_') or BullMQ's numbers. */
const JOB_ID = /^[A-Za-z0-9._-]{1,200}$/;

export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!JOB_ID.test(value)) throw new NotFound('Job');
    return value;
  }
}
