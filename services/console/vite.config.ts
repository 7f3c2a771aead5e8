import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.js';

// No React plugin: esbuild compiles the JSX (tsconfig's "jsx": "react-jsx"); Fast Refresh is the only
// thing the plugin would add, and the console is developed against the real gateway anyway.
export default defineConfig(({ command }) => {
  // A build is what users get, whoever runs it. The browser tests build it under vitest, whose
  // NODE_ENV=test would give React's development build (511 kB instead of 289, and slower), which
  // `pnpm start` then serves as up to date. Vite reads NODE_ENV after this file.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: import.meta.dirname,
    base: '/',
    esbuild: { jsx: 'automatic' },
    plugins: [precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1200,
    },
    server: {
      proxy: { '/graphql': 'http://localhost:4000', '/console': 'http://localhost:4000' },
    },
  };
});
