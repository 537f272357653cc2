// `npm start`: set up what is missing, build if the engine changed, serve www/ on
// http://127.0.0.1:8080 (PORT overrides the port).
import { watch } from 'node:fs';
import { join } from 'node:path';
import { build, needsBuild, setup, writeSiteFiles } from './build.mjs';
import { root } from './lib/setup.mjs';

/**
 * The pages run the bundles in www/app/, built from www/js/, www/parts/ and www/css/: while
 * serving, an edit there rebuilds them (in well under a second), so a reload shows it.
 */
function watchSources() {
  let timer = null;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeSiteFiles().catch((e) => console.error(`rebuild failed: ${e.message}`)), 100);
  };
  for (const folder of ['js', 'parts', 'css']) {
    watch(join(root, 'www', folder), (event, file) => {
      if (file && !/^assets-(main|quote)\.js$/.test(file)) rebuild(); // those two are written by the rebuild
    });
  }
}

async function main() {
  setup();
  if (needsBuild()) await build();
  else await writeSiteFiles(); // cheap: keeps them in step with www/js/, www/parts/ and www/css/
  watchSources();
  // Imported only now: it needs the npm packages that setup() has just installed.
  const { serve } = await import('./serve.mjs');
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ port, quiet: true }).catch((e) => {
    if (e.code === 'EADDRINUSE') throw new Error(`port ${port} is in use: run PORT=8081 npm start`);
    throw e;
  });
  console.log([
    '',
    `  Credit calculator (deal check) running at ${url}`,
    `  Public quote page:       ${url}quote.html`,
    `  Portfolio (a CSV book):  ${url}portfolio.html`,
    `  Embedding demo:          ${url}embed.html`,
    `  Offline use (service worker) is off on localhost; try it at ${url}?sw`,
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n'));
}

main().catch((e) => {
  console.error(`\nnpm start failed: ${e.message}`);
  process.exit(1);
});
