import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { RedisClient } from './redis-client';

@Global()
@Module({
  providers: [PrismaService, RedisClient],
  exports: [PrismaService, RedisClient],
})
export class DatabaseModule {}
