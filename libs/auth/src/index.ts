export type { AuthenticatedUser } from './access-token';
export { AuthModule } from './auth.module';
export { CurrentUser } from './current-user.decorator';
export { PasswordHasher } from './password-hasher';
export { Roles } from './roles';
