import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PrismaService } from '@svara/database';
import { DirectoryDto } from './directory.dto';

/** Names of colleagues and teams, for anyone signed in: who a thread is assigned to, the pickers. */
@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @ApiOperation({ summary: 'Every user (name, role, active) and team (name), by name' })
  @ApiOkResponse({ type: DirectoryDto })
  async directory(): Promise<DirectoryDto> {
    const [users, teams] = await Promise.all([
      this.prisma.user.findMany({
        select: { id: true, name: true, role: true, active: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
      this.prisma.team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    ]);
    return { users, teams };
  }
}
