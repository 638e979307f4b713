import { ApiProperty } from '@nestjs/swagger';

export class SingleSignOnDto {
  @ApiProperty({ description: 'What the sign-in button calls the provider', example: 'Entra ID' })
  name!: string;

  @ApiProperty({
    description: 'Send the browser here (add ?returnTo=/path to land there afterwards)',
    example: '/api/v1/auth/oidc/login',
  })
  loginUrl!: string;
}

export class AuthMethodsDto {
  @ApiProperty({ description: 'False when PASSWORD_LOGIN=false: e-mail and password are refused' })
  password!: boolean;

  @ApiProperty({ type: SingleSignOnDto, nullable: true, description: 'Null when not configured' })
  singleSignOn!: SingleSignOnDto | null;
}
