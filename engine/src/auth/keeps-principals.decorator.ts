import { SetMetadata } from '@nestjs/common';

export const KEEPS_PRINCIPALS = 'estateflow:keeps-principals';

/**
 * Marks a mutating route that cannot change who anyone is (sessions, roles, residencies,
 * tokens) — the workflow hot paths. Every other POST/PUT/PATCH/DELETE clears the principal
 * cache when it finishes, so that a logout or a role change in this process applies at once.
 */
export const KeepsPrincipals = () => SetMetadata(KEEPS_PRINCIPALS, true);
