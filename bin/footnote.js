#!/usr/bin/env node
// The compiled CLI (`npm ci` builds dist/ through the prepare script).
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('footnote: dist/ is missing. Run `npm run build` (npm ci runs it for you).\n');
    process.exit(1);
  }
  throw error;
});
