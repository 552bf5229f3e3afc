import type { TestProject } from 'vitest/node';
import { startTestCluster } from './test-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL cluster this test run shares; each test file makes its own database. */
    testClusterUrl: string;
  }
}

/** One real PostgreSQL for the whole run; databases inside it are cheap. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  project.provide('testClusterUrl', cluster.url);
  return cluster.stop;
}
