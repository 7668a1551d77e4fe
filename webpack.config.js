// Builds the task pane and the ribbon's function file into dist/ (layout relied on by the manifest checks):
//   dist/taskpane.html (+ bundles), dist/commands.html, dist/assets/*, dist/manifest.xml.
// JavaScript, not TypeScript: a .ts config does not load on Node 20 with webpack-cli 7.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** HTTPS options from office-addin-dev-certs, or null when they cannot be had (e.g. the CA cannot be trusted). */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(
      `\nNote: no trusted development certificate (${reason}).\n` +
        `The dev server is using plain http on port ${DEV_SERVER_PORT}. That is fine for the standalone page in a ` +
        `browser, but Excel needs https: run "npx office-addin-dev-certs install" where you can trust the certificate.\n`,
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await httpsOptions() : null;
  const manifest = path.resolve(__dirname, "manifest.xml");

  const copies = [
    {
      from: "assets",
      to: "assets",
      noErrorOnMissing: true,
      globOptions: { ignore: ["**/.gitkeep", "**/screenshots/**"] },
    },
  ];
  if (fs.existsSync(manifest)) copies.push({ from: "manifest.xml", to: "manifest.xml" });

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The standalone pane's workbooks (ExcelJS) in a Web Worker; its lazy chunks load with importScripts.
      xlsxWorker: { import: "./src/taskpane/workers/xlsxWorker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`'s job; ESNext modules keep `import()` a real split point.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    optimization: {
      // Keep each lazy adapter whole in its named chunk (exceljs.*.chunk.js, office-workbook.*.chunk.js) rather
      // than split into anonymous vendor chunks.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    performance: {
      // The task pane's own bundle (React + Fluent UI) is large by web standards; ExcelJS is a lazy chunk.
      hints: false,
    },
    devServer: {
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: DEV_SERVER_PORT,
      open: false,
      client: { overlay: { warnings: false } },
    },
  };
};
