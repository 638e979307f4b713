export type { AuthenticatedUser } from './access-token';
export { AuthModule } from './auth.module';
export { CurrentUser } from './current-user.decorator';
export { PasswordHasher } from './password-hasher';
export { deriveKey } from './signing-key';
export { Roles } from './roles';
