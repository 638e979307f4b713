import { Module } from '@nestjs/common';
import { ITEM_NORMALIZERS, type ItemNormalizer, PipelineModule } from '@svara/pipeline';
import { ChannelsAdminController } from './admin/channels-admin.controller';
import { ChannelsAdminService } from './admin/channels-admin.service';
import { CHANNEL_ADAPTERS } from './registry';
import { WebFormController } from './web-form/web-form.controller';

/** The channels' adapters, for the worker's pipeline. */
@Module({
  providers: [
    ...CHANNEL_ADAPTERS,
    {
      provide: ITEM_NORMALIZERS,
      inject: CHANNEL_ADAPTERS,
      useFactory: (...adapters: ItemNormalizer[]) => adapters,
    },
  ],
  exports: [ITEM_NORMALIZERS],
})
export class ChannelsModule {}

/** The channels' public HTTP endpoints, for the API. */
@Module({
  imports: [PipelineModule],
  controllers: [WebFormController, ChannelsAdminController],
  providers: [ChannelsAdminService],
})
export class ChannelEndpointsModule {}
