import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@svara/audit';
import { PipelineModule } from '@svara/pipeline';
import { AppConfig } from '@svara/config';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { jwtOptions } from './jwt-options';
import { PasswordHasher } from './password-hasher';
import { RolesGuard } from '@svara/http';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { DirectoryController } from './directory/directory.controller';
import { MeService } from './me/me.service';
import { BrowserSessions } from './session/browser-sessions.service';
import { CsrfTokens } from './session/csrf';
import { SessionController } from './session/session.controller';
import { FlowCookie } from './oidc/flow-cookie';
import { OidcClient } from './oidc/oidc-client.service';
import { OidcController } from './oidc/oidc.controller';
import { SsoUsers } from './oidc/sso-users.service';

@Module({
  imports: [
    AuditModule,
    PipelineModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: jwtOptions,
    }),
  ],
  controllers: [
    AuthController,
    SessionController,
    OidcController,
    DirectoryController,
    UsersController,
    TeamsController,
  ],
  providers: [
    AuthService,
    PasswordHasher,
    AdminBootstrap,
    UsersService,
    TeamsService,
    MeService,
    BrowserSessions,
    CsrfTokens,
    OidcClient,
    FlowCookie,
    SsoUsers,
    // Order matters: who is calling, then whether their role may.
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
