import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type User = Schemas['UserViewDto'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];
export type Role = User['role'];
export const ROLES: Role[] = ['AGENT', 'LEAD', 'ADMIN'];
