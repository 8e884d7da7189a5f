import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The production build goes where Spring Boot serves static files from a jar on the classpath.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
    // the budget that counts is scripts/check-bundle-size.mjs (initial JavaScript, gzip)
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` next to a running application (./mvnw ... spring-boot:run): the API and the login are proxied
    proxy: Object.fromEntries(
      ['/api', '/oauth2', '/login', '/logout', '/connect', '/.well-known', '/web-ui', '/userinfo'].map((p) => [p, backend]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
