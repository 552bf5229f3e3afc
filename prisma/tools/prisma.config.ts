// Prisma 6.19 with its JavaScript schema engine: it diffs datamodels through a driver adapter,
// so it needs a reachable PostgreSQL (DATABASE_URL) but no native engine binary.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
