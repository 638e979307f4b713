import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@svara/audit';
import { PipelineModule } from '@svara/pipeline';
import { AppConfig } from '@svara/config';
import { deriveKey } from '@svara/secrets';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AccessLogController } from './access-log/access-log.controller';
import { AuditLogController } from './audit-log/audit-log.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { PasswordHasher } from './password-hasher';
import { RolesGuard } from './roles';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    AuditModule,
    PipelineModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: deriveKey(config.secretsKey, 'access-token'),
        signOptions: { algorithm: 'HS256', issuer: 'svara' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'svara' },
      }),
    }),
  ],
  controllers: [
    AuthController,
    UsersController,
    TeamsController,
    AuditLogController,
    AccessLogController,
  ],
  providers: [
    AuthService,
    PasswordHasher,
    AdminBootstrap,
    UsersService,
    TeamsService,
    // Order matters: who is calling, then whether their role may.
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
