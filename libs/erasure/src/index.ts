export { ErasureModule } from './erasure.module';
export { type ErasedCounts, ThreadEraser } from './thread-eraser.service';
