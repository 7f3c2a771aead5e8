import { defineConfig } from 'vite';

// No React plugin: esbuild compiles the JSX (tsconfig's "jsx": "react-jsx"); Fast Refresh is the only
// thing the plugin would add, and the console is developed against the real gateway anyway.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000', '/console': 'http://localhost:4000' },
  },
});
