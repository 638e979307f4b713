import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'svara:public';

/** The route needs no bearer token (web-form intake, webhooks, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
