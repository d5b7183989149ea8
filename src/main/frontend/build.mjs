// Bundles the portal's browser code with form-js into one directory the application serves
// (Maven passes target/classes/static/portal). Nothing is loaded from a CDN at run time.
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: npm run build -- <output directory>');
  process.exit(2);
}

await build({
  entryPoints: ['src/submission.js', 'src/tracking.js'],
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'info'
});
