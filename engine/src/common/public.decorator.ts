import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'estateflow:public';

/** Marks a route that needs no session (sign-in, health). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const OWN_AUTHORIZATION = 'estateflow:own-authorization';

/**
 * Marks a public route that reads the Authorization header itself (the metrics scraper's token),
 * so the session guard does not take its bearer token for an API token.
 */
export const ChecksOwnAuthorization = () => SetMetadata(OWN_AUTHORIZATION, true);
