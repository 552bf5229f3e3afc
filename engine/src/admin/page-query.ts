import { ValidationError } from '../common/errors';

/** `?page=&pageSize=` as numbers: page from 1, pageSize 1–200 (default 50). */
export function pageQuery(input: { page?: string; pageSize?: string }): { page: number; pageSize: number } {
  const page = input.page === undefined || input.page === '' ? 1 : Number(input.page);
  const pageSize = input.pageSize === undefined || input.pageSize === '' ? 50 : Number(input.pageSize);
  if (!Number.isInteger(page) || page < 1 || page > 100_000)
    throw new ValidationError('"page" must be a whole number from 1.', { fields: [{ field: 'page', message: 'a whole number from 1' }] });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)
    throw new ValidationError('"pageSize" must be a whole number from 1 to 200.', {
      fields: [{ field: 'pageSize', message: 'from 1 to 200' }],
    });
  return { page, pageSize };
}
