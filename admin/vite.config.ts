import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

// The API serves the built site under /admin/ (history fallback to index.html), so every asset URL
// is prefixed with /admin/ and the router uses the basename /admin (src/router.tsx).
const BASE = '/admin/';

const apiProxy = {
  // The API's own paths are absolute (/api/v1/...), not under /admin/.
  '/api': { target: 'http://127.0.0.1:3000' },
};

/**
 * react-router writes the app's root as "/admin" (basename + "/", no trailing slash), but Vite's dev
 * and preview servers only answer "/admin/", so reloading the 工作台 would 404. Redirect the bare form.
 */
function redirectBareBase(): Plugin {
  const bare = BASE.slice(0, -1);
  const redirect: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path !== bare) return next();
    res.statusCode = 302;
    res.setHeader('Location', BASE + (queryAt === -1 ? '' : url.slice(queryAt)));
    res.end();
  };
  return {
    name: 'xinan-admin-redirect-bare-base',
    configureServer: (server) => void server.middlewares.use(redirect),
    configurePreviewServer: (server) => void server.middlewares.use(redirect),
  };
}

export default defineConfig({
  base: BASE,
  plugins: [react(), redirectBareBase()],
  // The shared workspace package (content/) is CommonJS, as the API requires it. Vite's dev server serves linked
  // packages as source without converting CommonJS, so pre-bundle the modules the admin imports from it into ESM
  // (the production build converts CommonJS by itself).
  optimizeDeps: { include: ['@xinan/content/china-time'] },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, ReactDOM and the router change only on upgrades: keep them in one long-cached chunk,
          // apart from antd and app code. antd itself is left to automatic splitting, so components
          // used by one page (Table, Form) load with that page. Pages are split by the route table's
          // dynamic imports (src/routes.tsx).
          groups: [
            {
              name: 'react-vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
