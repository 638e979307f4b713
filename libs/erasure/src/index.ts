export { ErasureModule } from './erasure.module';
export { type ErasedCounts, type MessagesErased, ThreadEraser } from './thread-eraser.service';
