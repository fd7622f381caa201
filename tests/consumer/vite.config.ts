import { defineConfig } from 'vite';

export default defineConfig({
  // The package finds its wasm file next to its glue (new URL('skjemavakt_bg.wasm',
  // import.meta.url)); Vite's dependency pre-bundling would move the glue and lose the file
  // in `vite dev`, so the package is left out of it (README: "Bundlers and TypeScript").
  optimizeDeps: { exclude: ['skjemavakt'] },
  build: { target: 'es2022' },
});
