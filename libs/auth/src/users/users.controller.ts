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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { CreateUserDto, UpdateUserDto, UserViewDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserViewDto] })
  list() {
    return this.users.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: UserViewDto })
  get(@Param('id', IdParam()) id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role and teams' })
  @ApiCreatedResponse({ type: UserViewDto })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.users.create(body, actor.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change role, reset password, or (de)activate' })
  @ApiOkResponse({ type: UserViewDto })
  update(
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.users.update(id, body, actor.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.users.remove(id, actor.id);
  }
}
