import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../access-token';
import { CurrentUser } from '../current-user.decorator';
import { Roles } from '../roles';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { IdParam } from '@svara/http';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Get(':id')
  get(@Param('id', IdParam()) id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role and teams' })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.users.create(body, actor.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change role, reset password, or (de)activate' })
  update(
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.users.update(id, body, actor.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.users.remove(id, actor.id);
  }
}
