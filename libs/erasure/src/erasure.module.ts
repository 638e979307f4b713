import { Module } from '@nestjs/common';
import { RawItemEraser } from './raw-items/raw-items.service';
import { ThreadEraser } from './thread-eraser.service';

/** Removing citizens' personal data from threads and raw items (retention, GDPR erasure). */
@Module({ providers: [ThreadEraser, RawItemEraser], exports: [ThreadEraser, RawItemEraser] })
export class ErasureModule {}
