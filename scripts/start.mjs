// `npm start`: set up what is missing, build if the engine changed, serve www/ on
// http://127.0.0.1:8080 (PORT overrides the port).
import { build, needsBuild, setup, writeSiteFiles } from './build.mjs';

async function main() {
  setup();
  if (needsBuild()) await build();
  else writeSiteFiles(); // cheap: keeps them in step with www/parts/ and www/css/
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
