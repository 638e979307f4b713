import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { UserRole } from '@svara/database';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who a token or session belongs to (GET /auth/me). */
export class CurrentUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: UserRole, enumName: 'UserRole' })
  role!: UserRole;

  @ApiProperty({ type: [String] })
  teamIds!: string[];
}

/** The signed-in user as the web app knows them, with their settings. */
export class MeDto extends CurrentUserDto {
  @ApiProperty({
    enum: LOCALES,
    enumName: 'Locale',
    nullable: true,
    type: String,
    description: "The user's language; null follows the browser",
  })
  locale!: Locale | null;
}

export class UpdateMeDto {
  @ApiProperty({ enum: LOCALES, enumName: 'Locale', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsIn(LOCALES, { message: 'locale must be "sv", "en" or null' })
  locale!: Locale | null;
}
