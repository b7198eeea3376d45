#!/usr/bin/env node
"use strict";
// The configcat-node side of the engine benchmark (see bench/README.md).
//
// usage: node bench.js CORPORA.json [--warmup N] [--rounds N]
//
// CORPORA.json is what `ConfigCat.Bench export` writes: per corpus its config files, users and cases
// ([configIndex, key, userIndex (-1 = no user), engine value]). Every config is served by an http server on 127.0.0.1
// the way the CDN serves it (ETag, 304), and a real client per config (manual poll, logging off, like the engine's
// client in CorpusBenchmarks) downloads it with forceRefreshAsync(). The timed loop then evaluates every case through
// the client's synchronous snapshot API, client.snapshot().getValue(key, null, user): warm-up rounds first, then
// measured rounds of one full pass each. Prints one JSON array: per corpus the median, minimum and mean nanoseconds
// per evaluation, and how many values differ from the engine's (must be 0, or the two did not do the same work).

const crypto = require("crypto");
const fs = require("fs");
const http = require("http");
const configcat = require("configcat-node");

function parseArgs(argv) {
  const args = { warmup: 10, rounds: 30 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--warmup") args.warmup = +argv[++i];
    else if (argv[i] === "--rounds") args.rounds = +argv[++i];
    else if (!args.file) args.file = argv[i];
    else throw new Error("unexpected argument " + argv[i]);
  }
  if (!args.file) throw new Error("usage: node bench.js CORPORA.json [--warmup N] [--rounds N]");
  return args;
}

/** Serves sdkKey -> file body at /configuration-files/<sdkKey>/config_v6.json with an ETag, and 304 for a match. */
function serve(bodies) {
  const prefix = "/configuration-files/";
  const suffix = "/config_v6.json";
  const server = http.createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    const body = path.startsWith(prefix) && path.endsWith(suffix) ? bodies.get(decodeURIComponent(path.slice(prefix.length, -suffix.length))) : undefined;
    if (body === undefined) {
      res.writeHead(404);
      res.end();
      return;
    }
    const etag = '"' + crypto.createHash("sha1").update(body).digest("hex").slice(0, 20) + '"';
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length, ETag: etag });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function sdkKeyOf(corpus, index) {
  return "configcat-sdk-1/" + ("bench-" + corpus).padEnd(22, "0").slice(0, 22) + "/" + String(index).padStart(22, "0");
}

function makeUser(u) {
  return u === null ? undefined : new configcat.User(u.Identifier, u.Email, u.Country, u.Custom);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const corpora = JSON.parse(fs.readFileSync(args.file, "utf8"));
  const bodies = new Map();
  corpora.forEach(corpus => corpus.configs.forEach((file, i) => bodies.set(sdkKeyOf(corpus.name, i), fs.readFileSync(file))));
  const server = await serve(bodies);
  const baseUrl = "http://127.0.0.1:" + server.address().port;
  const results = [];
  try {
    for (const corpus of corpora) {
      const clients = corpus.configs.map((_, i) => configcat.getClient(sdkKeyOf(corpus.name, i), configcat.PollingMode.ManualPoll,
        { baseUrl, logger: configcat.createConsoleLogger(configcat.LogLevel.Off) }));
      try {
        for (const client of clients) {
          const refresh = await client.forceRefreshAsync();
          if (!refresh.isSuccess) throw new Error("download failed: " + refresh.errorMessage);
        }
        const snapshots = clients.map(client => client.snapshot());
        const users = corpus.users.map(makeUser);
        const cases = corpus.cases.map(([config, key, user, expected]) => ({ snapshot: snapshots[config], key, user: user < 0 ? undefined : users[user], expected }));

        let mismatches = 0;
        for (const c of cases) {
          if (c.snapshot.getValue(c.key, null, c.user) !== c.expected) mismatches++;
        }

        // A sum of the results keeps the JIT from dropping evaluations whose value is unused.
        let sink = 0;
        const pass = () => {
          for (let i = 0; i < cases.length; i++) {
            const c = cases[i];
            if (c.snapshot.getValue(c.key, null, c.user)) sink++;
          }
        };
        for (let r = 0; r < args.warmup; r++) pass();
        const perEvaluation = [];
        for (let r = 0; r < args.rounds; r++) {
          const start = process.hrtime.bigint();
          pass();
          perEvaluation.push(Number(process.hrtime.bigint() - start) / cases.length);
        }

        results.push({
          name: corpus.name,
          evaluations: cases.length,
          rounds: args.rounds,
          nsPerEvaluationMedian: median(perEvaluation),
          nsPerEvaluationMin: Math.min(...perEvaluation),
          nsPerEvaluationMean: perEvaluation.reduce((a, b) => a + b, 0) / perEvaluation.length,
          mismatches,
          sink,
        });
      } finally {
        clients.forEach(client => client.dispose());
      }
    }
  } finally {
    server.close();
  }
  process.stdout.write(JSON.stringify({ node: process.version, sdk: require("configcat-node/package.json").version, results }, null, 2) + "\n");
}

main().catch(e => { console.error(e); process.exit(1); });
