import { Module } from '@nestjs/common';
import { ThreadSla } from './thread-sla.service';

/** SLA bookkeeping on threads; imported wherever messages, replies or statuses change. */
@Module({ providers: [ThreadSla], exports: [ThreadSla] })
export class ThreadSlaModule {}
