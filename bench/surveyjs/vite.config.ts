import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The SurveyJS side-by-side page and the control page, built into bench/dist-surveyjs (dev-only dependencies). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: join(import.meta.dirname, '../dist-surveyjs'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: {
        index: join(import.meta.dirname, 'index.html'),
        control: join(import.meta.dirname, 'control.html'),
      },
    },
  },
  // As Conformo's build: JSON modules are JSON.parse of a string.
  json: { stringify: true },
});
