import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@svara/config';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { PasswordHasher } from './password-hasher';
import { RolesGuard } from './roles';
import { deriveKey } from '@svara/secrets';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: deriveKey(config.secretsKey, 'access-token'),
        signOptions: { algorithm: 'HS256', issuer: 'svara' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'svara' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordHasher,
    AdminBootstrap,
    // Order matters: who is calling, then whether their role may.
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
