// Builds GraphiQL into the service's classpath (src/main/resources/web/graphiql), where the jar serves it from:
// index.html, assets/ (content-hashed JS, CSS and Monaco's workers) and assets/THIRD-PARTY-LICENSES.txt.
// Run with `npm ci && npm run build` in this folder; commit what it writes. The Maven build needs no node.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../src/main/resources/web/graphiql');
const assets = path.join(out, 'assets');

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: 'es2022',
  outdir: assets,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  // collected into THIRD-PARTY-LICENSES.txt below, so the bundles themselves carry no comments
  legalComments: 'external',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await rm(out, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

// Monaco's workers: each one a classic script of its own, started by workers.js with new Worker(url)
const workerBuild = await esbuild.build({
  ...common,
  format: 'iife',
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
});
const workerFiles = {};
for (const [file, output] of Object.entries(workerBuild.metafile.outputs)) {
  if (output.entryPoint) {
    const label = path.basename(file).split('.worker-')[0];
    workerFiles[label] = path.basename(file);
  }
}

// graphiql/style.css already holds Monaco's whole stylesheet; the CSS files Monaco's modules import would load
// it a second time (in lazily loaded chunks that nothing would even link)
const monacoCssOnce = {
  name: 'monaco-css-once',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes('/node_modules/monaco-editor/esm/') ? { path: args.path, namespace: 'monaco-css-once' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'monaco-css-once' }, () => ({ contents: '', loader: 'js' }));
  },
};

const mainBuild = await esbuild.build({
  ...common,
  plugins: [monacoCssOnce],
  format: 'esm',
  splitting: true,
  entryPoints: { main: 'src/main.jsx' },
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  define: { ...common.define, WORKER_FILES: JSON.stringify(workerFiles) },
});

const outputs = { ...workerBuild.metafile.outputs, ...mainBuild.metafile.outputs };
const mainJs = Object.keys(mainBuild.metafile.outputs).find((file) => mainBuild.metafile.outputs[file].entryPoint === 'src/main.jsx');
const mainCss = mainBuild.metafile.outputs[mainJs].cssBundle;

// {{base}} is the page's path (spring.graphql.graphiql.path), filled in by the service; the empty icon spares the
// browser a request for /favicon.ico, which would need a token
await writeFile(path.join(out, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · logto-org-bff</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{base}}/assets/${path.basename(mainCss)}">
<script type="module" src="{{base}}/assets/${path.basename(mainJs)}"></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
</body>
</html>
`);

await writeFile(path.join(assets, 'THIRD-PARTY-LICENSES.txt'), await licences(outputs));
for (const file of Object.keys(outputs).filter((file) => file.endsWith('.LEGAL.txt'))) {
  await rm(path.resolve(here, file));
}

let total = 0;
for (const file of readdirSync(assets).sort()) {
  const { size } = await stat(path.join(assets, file));
  total += size;
  console.log(`${String(size).padStart(10)}  assets/${file}`);
}
console.log(`${String(total).padStart(10)}  in total`);

/** Every npm package with code in the bundles: name, version, licence and its licence and notice files. */
async function licences(metafileOutputs) {
  const packages = new Map();
  for (const output of Object.values(metafileOutputs)) {
    for (const input of Object.keys(output.inputs ?? {})) {
      const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
      if (match) {
        packages.set(match[1], true);
      }
    }
  }
  const sections = [];
  for (const dir of [...packages.keys()].sort((a, b) => packageName(a).localeCompare(packageName(b)))) {
    const pkg = JSON.parse(readFileSync(path.join(here, dir, 'package.json'), 'utf8'));
    const files = readdirSync(path.join(here, dir))
      .filter((file) => /^(licen[cs]e|copying|notice|thirdpartynotices)(\.(md|txt))?$/i.test(file))
      .sort();
    const texts = files.map((file) => readFileSync(path.join(here, dir, file), 'utf8').trim());
    const licence = typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? pkg.licenses);
    sections.push([
      `${pkg.name} ${pkg.version}`,
      `License: ${licence}`,
      ...(texts.length ? texts : [`(the package has no licence file; its package.json says ${licence})`]),
    ].join('\n\n'));
  }
  const legal = [];
  for (const file of Object.keys(metafileOutputs).filter((file) => file.endsWith('.LEGAL.txt')).sort()) {
    legal.push((await readFile(path.resolve(here, file), 'utf8')).trim());
  }
  return [
    'Third-party software in the GraphiQL page of logto-org-bff (built by graphiql/build.mjs).',
    'Each package bundled into the files of this folder, with its licence as shipped in the package:',
    ...sections,
    'Notices kept from the bundled source code:',
    ...legal,
  ].join(`\n\n${'-'.repeat(78)}\n\n`) + '\n';
}

function packageName(dir) {
  return dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
}
