import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  // Pages are chunks of their own (src/web/shell/lazyPage.tsx). The manifest (dist/web/.vite/manifest.json)
  // lets `sarafan bench` add up what the first view downloads (bench/dashboardSize.ts).
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // ECharts with its renderer zrender is over 500 kB minified: two chunks, which only the chart
          // pages load, and which stay cached across releases that change only the app's own code.
          groups: [
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/s': 'http://localhost:3000' } },
});
