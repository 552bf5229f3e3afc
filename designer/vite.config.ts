import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the engine at /designer/; in development /api goes to the engine on :3000.
// 'source' resolves the workspace packages (@estateflow/model, runtime-web/forms) to their
// TypeScript sources so the designer never waits for their builds.
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
  },
});
