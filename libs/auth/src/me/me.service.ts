import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import type { Locale, MeDto } from './dto/me.dto';

const ME = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  memberships: { select: { teamId: true } },
} as const;

/** The signed-in user's own record and settings. */
@Injectable()
export class MeService {
  constructor(private readonly prisma: PrismaService) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: ME });
    if (!user) throw new UnauthorizedException('Token has been revoked');
    return this.view(user);
  }

  async setLocale(userId: string, locale: Locale | null): Promise<MeDto> {
    return this.view(
      await this.prisma.user.update({ where: { id: userId }, data: { locale }, select: ME }),
    );
  }

  private view(user: {
    id: string;
    email: string;
    name: string;
    role: MeDto['role'];
    locale: string | null;
    memberships: { teamId: string }[];
  }): MeDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamIds: user.memberships.map((membership) => membership.teamId),
      locale: user.locale === 'sv' || user.locale === 'en' ? user.locale : null,
    };
  }
}
