"use strict";
// Serves config JSON files on the loopback interface at the path a ConfigCat SDK downloads them from, so that the
// oracle's answers come from a real client that downloaded its config, not from a config handed to the evaluator.

const fs = require("fs");
const http = require("http");

const PATH_PATTERN = /^\/configuration-files\/(.+)\/config_v6\.json$/;

/** Starts a server for `files` (SDK key -> path); resolves to { baseUrl, close() }. */
function serveConfigs(files) {
  const server = http.createServer((request, response) => {
    const match = PATH_PATTERN.exec(new URL(request.url, "http://127.0.0.1").pathname);
    const file = match && files.get(decodeURIComponent(match[1]));
    if (request.method !== "GET" || !file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({
      baseUrl: "http://127.0.0.1:" + server.address().port,
      close: () => new Promise(done => server.close(() => done())),
    }));
  });
}

module.exports = { serveConfigs };
