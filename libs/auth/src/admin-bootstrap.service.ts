import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, BOOTSTRAP_ADMIN_NAME } from '@svara/config';
import { isUniqueViolation, PrismaService } from '@svara/database';
import { PasswordHasher } from './password-hasher';

/** On a fresh installation, creates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.prisma.user.count()) > 0) return;
    try {
      await this.prisma.user.create({
        data: {
          email: admin.email,
          name: BOOTSTRAP_ADMIN_NAME,
          role: 'ADMIN',
          passwordHash: await this.hasher.hash(admin.password),
        },
      });
      this.logger.log({ email: admin.email }, 'created the first admin');
    } catch (error) {
      // Another replica created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
