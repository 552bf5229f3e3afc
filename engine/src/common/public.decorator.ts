import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'estateflow:public';

/** Marks a route that needs no session (sign-in, health). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
