import { Prisma } from '../generated/prisma/client';

/** A unique constraint refused the write (P2002): the thing exists already. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A foreign key refused the delete (P2003) or a required relation is in use (P2014): something still depends on it. */
export function isStillReferenced(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2003' || error.code === 'P2014');
}
