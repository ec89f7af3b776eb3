// The people's pages: one single-page application, served by the gateway under /console/ from dist/.
// Everything it loads comes from the gateway itself (no fonts, scripts or styles from another host).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite prints each file's size (and gzipped size) at the end of the build: the bundle sizes.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 800,
  },
});
