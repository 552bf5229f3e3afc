import { Param, ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from './errors';

/**
 * `@UuidParam('id') id: string` — a route id that is not a UUID names nothing, so it is a 404
 * like any other unknown id (and never reaches the database as a malformed uuid).
 */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That record') }));
