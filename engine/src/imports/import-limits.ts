/** Upload limits for owners-and-units imports: past these a file is refused with a clear report. */
export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 60;
/** Row errors kept and shown; the count is always exact. */
export const MAX_REPORTED_ERRORS = 5_000;
