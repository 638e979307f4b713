import { Module } from '@nestjs/common';
import { ThreadEraser } from './thread-eraser.service';

/** Removing citizens' personal data from threads (retention, GDPR erasure). */
@Module({ providers: [ThreadEraser], exports: [ThreadEraser] })
export class ErasureModule {}
