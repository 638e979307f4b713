import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

@Module({})
export class ConfigModule {
  /** The config is loaded (and validated) by the process entry point, before Nest starts. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
