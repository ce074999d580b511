// The add-in's bundles. `npm run dev-server`: https://localhost:3000 with the task pane (taskpane.html), the browser
// preview (preview.html, HyperFormula inside: development only), the icons, the samples and manifest.xml.
// `npm run build`: dist/ for production: the task pane alone, and dist/manifest.xml with ADDIN_PUBLIC_URL in place of
// https://localhost:3000. The build fails if HyperFormula (GPL-3.0) is found in the production bundle.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join, resolve } = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** HTTPS for the dev server: office-addin-dev-certs (trusted CA), or a self-signed localhost cert when it cannot install. */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = join(homedir(), '.office-addin-dev-certs');
    const key = join(dir, 'scorebook-localhost.key');
    const cert = join(dir, 'scorebook-localhost.crt');
    if (!existsSync(key) || !existsSync(cert)) {
      mkdirSync(dir, { recursive: true });
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-sha256',
          '-days',
          '365',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
    }
    console.warn(
      `[scorebook] office-addin-dev-certs could not install its certificate authority (${String(e.message || e).split('\n')[0]}).\n` +
        `[scorebook] Serving with a self-signed certificate from ${cert}: trust it in your browser (or run \`npx office-addin-dev-certs install\` where sudo exists) before sideloading.`,
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  }
}

/**
 * Fails the production build when GPL-3.0 HyperFormula made it into the bundle: no module from its package, and
 * no trace of it (its name, its GPL licence key) in the JavaScript written to dist/.
 */
class NoHyperFormulaPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('NoHyperFormulaPlugin', (compilation) => {
      for (const m of compilation.modules) {
        if (/[\\/]node_modules[\\/]hyperformula[\\/]/.test(m.resource || '')) {
          compilation.errors.push(
            new Error(`HyperFormula (GPL-3.0) is in the production bundle via ${m.resource}: keep it to src/preview and tests`),
          );
          return;
        }
      }
    });
    compiler.hooks.afterEmit.tap('NoHyperFormulaPlugin', (compilation) => {
      const dir = compilation.outputOptions.path;
      for (const asset of compilation.getAssets()) {
        if (!asset.name.endsWith('.js')) continue;
        if (/hyperformula|gpl-v3/i.test(readFileSync(join(dir, asset.name), 'utf8'))) {
          compilation.errors.push(new Error(`${asset.name} mentions HyperFormula (GPL-3.0): it must stay out of the production bundle`));
        }
      }
    });
  }
}

/** The budget: the task pane's initial JavaScript, office.js aside, under 300 KB gzip. */
const INITIAL_JS_BUDGET = 300_000;

/**
 * Fails the production build when the JavaScript the task pane loads before it can draw (the entry's initial chunks;
 * chunks loaded on demand, such as the Server tab, do not count) is over the budget, gzipped as a server sends it.
 */
class InitialJsBudgetPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('InitialJsBudgetPlugin', (compilation) => {
      const { gzipSync } = require('node:zlib');
      const dir = compilation.outputOptions.path;
      const entry = compilation.entrypoints.get('taskpane');
      if (!entry) return;
      const files = [...entry.getFiles()].filter((f) => f.endsWith('.js'));
      const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
      const line = `task pane initial JavaScript: ${(bytes / 1000).toFixed(0)} KB gzip (${files.join(', ')}; budget ${INITIAL_JS_BUDGET / 1000} KB)`;
      if (bytes > INITIAL_JS_BUDGET) compilation.errors.push(new Error(`${line}: over budget — load more of the pane on demand`));
      else console.log(`[scorebook] ${line}`);
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const publicUrl = (dev ? DEV_URL : process.env.ADDIN_PUBLIC_URL || '').replace(/\/$/, '');
  if (!dev && !/^https:\/\//.test(publicUrl)) {
    throw new Error(
      'npm run build needs ADDIN_PUBLIC_URL, the https address the add-in is served from (e.g. ADDIN_PUBLIC_URL=https://scorebook.example.go.th npm run build)',
    );
  }
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/office/taskpaneEntry.tsx',
      ...(dev ? { preview: './src/preview/main.tsx' } : {}),
    },
    // publicPath 'auto': chunks loaded on demand (the Server tab) come from beside taskpane.js, wherever it is served.
    output: { path: resolve(__dirname, 'dist'), filename: '[name].js', clean: true, publicPath: 'auto' },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'node', sourceMap: true } },
        },
        // The report's fonts (src/documents/browserFonts.ts): the @fontsource WOFF files, emitted beside the bundle and
        // fetched when a report is made, never inlined into JavaScript.
        { test: /\.woff$/, type: 'asset/resource', generator: { filename: 'fonts/[name].[contenthash:8][ext]' } },
      ],
    },
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 1_200_000, maxAssetSize: 1_200_000 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/office/taskpane.html',
        chunks: ['taskpane'],
        officeJs: dev ? '/office-js/office.js' : OFFICE_CDN,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'assets/samples/*.json', to: 'assets/samples/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().split(DEV_URL).join(publicUrl) },
          ...(dev
            ? [
                { from: 'src/preview/index.html', to: 'preview.html' },
                // office.js for development from the npm package, so nothing is fetched from a CDN on this machine.
                { from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' },
              ]
            : []),
        ],
      }),
      ...(dev ? [] : [new NoHyperFormulaPlugin(), new InitialJsBudgetPlugin()]),
    ],
    devServer: dev
      ? {
          port: Number(process.env.SCOREBOOK_DEV_PORT || 3000),
          host: 'localhost',
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          client: false,
          allowedHosts: 'all',
        }
      : undefined,
  };
};
