export { ErasureModule } from './erasure.module';
export { type ErasedCounts, type MessagesErased, ThreadEraser } from './thread-eraser.service';
export {
  findInboundMentions,
  type InboundMention,
  mentionPattern,
} from './raw-items/inbound-mentions';
export { RawItemEraser } from './raw-items/raw-items.service';
