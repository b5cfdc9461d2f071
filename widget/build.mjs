// Builds dist/wegwijzer.js (one IIFE: a classic script, so document.currentScript
// and data- attributes work) and dist/wegwijzer.css, both minified, and prints their
// sizes (minified and gzipped), the number to watch when the widget grows.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const targets = ["es2020"];

await build({
  entryPoints: ["src/index.js"],
  outfile: "dist/wegwijzer.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: targets,
  legalComments: "eof",
  sourcemap: "linked",
  logLevel: "warning",
});
await build({
  entryPoints: ["src/wegwijzer.css"],
  outfile: "dist/wegwijzer.css",
  bundle: true,
  minify: true,
  target: targets,
  logLevel: "warning",
});

for (const file of ["dist/wegwijzer.js", "dist/wegwijzer.css"]) {
  const bytes = readFileSync(file);
  console.log(`${file}: ${bytes.length} bytes, gzip ${gzipSync(bytes, { level: 9 }).length} bytes`);
}
