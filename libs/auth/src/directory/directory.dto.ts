import { ApiProperty } from '@nestjs/swagger';
import { UserRole } from '@svara/database';

export class DirectoryUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role!: UserRole;
  @ApiProperty({ description: 'Deactivated users stay, so old assignments keep their names' })
  active!: boolean;
}

export class DirectoryTeamDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DirectoryDto {
  @ApiProperty({ type: [DirectoryUserDto] }) users!: DirectoryUserDto[];
  @ApiProperty({ type: [DirectoryTeamDto] }) teams!: DirectoryTeamDto[];
}
