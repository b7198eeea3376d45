"use strict";
// Random but valid config JSON v6 files and users, evaluated by @configcat/sdk: the differential tests' expectations.
//
// usage: node fuzz.js --out DIR --seed SEED --configs N --users M
//   DIR/configs/NNN.json  the generated configs
//   DIR/cases.json        [{ config: "configs/NNN.json", key, default, settingType: 0..3 | null, user }]
//   DIR/results.jsonl     the SDK's answer per case, same order (lib/evaluate.js describes the fields)
//   DIR/meta.json         seed, sizes, SDK version and how often each comparator, error and match occurred
// The same seed and sizes give byte-identical files.
//
// Every user attribute has a kind (text, version, number, date, list) and every comparator reads one kind; comparison
// values are drawn from the same pools as the users' values, so conditions match often enough, and now and then an
// attribute of another kind is compared on purpose (the SDK's "cannot evaluate" paths). Configs also carry segments,
// prerequisite flags (on earlier settings only, so there are no cycles), percentage options with and without a
// percentage attribute, and a few deliberate errors: a missing key, a prerequisite compared with a value of another
// type.

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { evaluateCases } = require("./lib/evaluate");

function randomSource(seed) {
  let state = crypto.createHash("sha256").update(seed).digest().readUInt32LE(0);
  const next = () => { // mulberry32: small, fast and the same on every node version
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    chance: p => next() < p,
    below: n => Math.floor(next() * n),
    between: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: items => items[Math.floor(next() * items.length)],
    some: (items, low, high) => {
      const rest = [...items];
      return Array.from({ length: Math.min(random.between(low, high), rest.length) }, () => rest.splice(random.below(rest.length), 1)[0]);
    },
    id: () => Array.from({ length: 8 }, () => "0123456789abcdef"[random.below(16)]).join(""),
  };
  return random;
}

const POOLS = {
  text: ["12345", "alice", "Bob", "bob", "", " ", " spaced ", "a,b", "jane@example.com", "joe@configcat.com", "JOE@CONFIGCAT.COM",
    "x@y.hu", "Hungary", "United Kingdom", "USA", "Magyarország", "日本", "Ünïcödé", "😀 emoji", "mid😀dle", "tab\there", "say \"hi\"",
    "back\\slash", "admin", "beta", "1.0.0", "42", "-3.5"],
  version: ["0.0.1", "0.9.9", "1.0.0", "1.0.1", "1.2.3", "1.2.3-alpha", "1.2.3-alpha.1", "1.2.3-beta.2", "1.2.3-rc.1", "2.0.0",
    "2.0.0+build.5", "2.0.0-rc.1+meta", "10.0.0", "1.10.0", " 1.0.0 ", "1.0", "v1.0.0", "01.2.3", "not-a-version", ""],
  number: [-1000, -3.5, -1, 0, 0.25, 1, 2, 2.5, 3, 3.14, 10, 42, 100, 1e6, 2e-7],
  numberText: ["3", "3.0", "2,5", " 10 ", "-1", "1e3", "0x10", "five", "", "5.", ".25", "+7", "NaN", "Infinity", "-Infinity"],
  date: [-86400, 0, 1600000000, 1680307200, 1682899200, 1700000000, 1700000000.5, 1705253400, 2000000000],
  list: ["read", "write", "Write", "admin", "beta", "", " x ", "ünï", "😀", "a,b", "42"],
};

// Each user attribute and the kind of value it mostly holds.
const ATTRIBUTES = { Identifier: "text", Email: "text", Country: "text", Plan: "text", "Régió": "text", AppVersion: "version",
  Score: "number", SignedUp: "date", Roles: "list" };

// For each comparator (0..35 in order): the kind of attribute it reads and how its comparison value is made.
const COMPARATORS = [
  ["text", "l", "items"], ["text", "l", "items"], ["text", "l", "parts"], ["text", "l", "parts"],
  ["version", "l", "items"], ["version", "l", "items"],
  ["version", "s", "item"], ["version", "s", "item"], ["version", "s", "item"], ["version", "s", "item"],
  ["number", "d", "item"], ["number", "d", "item"], ["number", "d", "item"], ["number", "d", "item"], ["number", "d", "item"], ["number", "d", "item"],
  ["text", "l", "hashedItems"], ["text", "l", "hashedItems"],
  ["date", "d", "item"], ["date", "d", "item"],
  ["text", "s", "hashedItem"], ["text", "s", "hashedItem"],
  ["text", "l", "hashedStarts"], ["text", "l", "hashedStarts"], ["text", "l", "hashedEnds"], ["text", "l", "hashedEnds"],
  ["list", "l", "hashedItems"], ["list", "l", "hashedItems"],
  ["text", "s", "item"], ["text", "s", "item"],
  ["text", "l", "starts"], ["text", "l", "starts"], ["text", "l", "ends"], ["text", "l", "ends"],
  ["list", "l", "items"], ["list", "l", "items"],
];

const SETTING_VALUES = [
  random => ({ b: random.chance(0.5) }),
  random => ({ s: random.pick(["Cat", "Dog", "", "Ünïcorn", "日本", "😀", "two words", "q\"uote"]) }),
  random => ({ i: random.pick([0, 1, -1, 7, 42, 2147483647, -2147483647]) }),
  random => ({ d: random.pick([0, 0.5, -0.25, 3.1415, 1e-9, 123456.789, -1, 2]) }),
];

/** The SDKs hash a comparison text as SHA-256 of UTF-8 bytes: the text, the config's salt, then the context (the
 * setting key, or the segment name inside a segment). */
const sha256 = (...parts) => crypto.createHash("sha256").update(Buffer.concat(parts.map(p => Buffer.isBuffer(p) ? p : Buffer.from(p, "utf8")))).digest("hex");

const settingValue = (random, type) => SETTING_VALUES[type](random);

function userCondition(random, comparator, salt, context) {
  const [kind, field, shape] = COMPARATORS[comparator];
  const names = Object.keys(ATTRIBUTES);
  const attribute = random.chance(0.12) ? random.pick(names) : random.pick(names.filter(n => ATTRIBUTES[n] === kind));
  const pool = kind === "number" ? POOLS.number : POOLS[kind];
  const texts = () => random.some(pool.map(String), 1, 3);
  const slice = (text, fromStart) => {
    const chars = [...text];
    const cut = random.between(0, chars.length);
    return (fromStart ? chars.slice(0, cut) : chars.slice(cut)).join("");
  };
  const hashedSlice = (text, fromStart) => {
    const bytes = Buffer.from(text, "utf8");
    const length = random.between(1, Math.max(1, bytes.length)); // may cut a character in two: the SDKs hash bytes
    return length + "_" + sha256(fromStart ? bytes.subarray(0, length) : bytes.subarray(Math.max(0, bytes.length - length)), salt, context);
  };
  const makers = {
    items: texts,
    item: () => kind === "number" || kind === "date" ? random.pick(pool) + (random.chance(0.2) ? random.pick([-1, 0.5, 1]) : 0) : String(random.pick(pool)),
    parts: () => texts().map(t => { const chars = [...t]; const from = random.below(chars.length + 1); return chars.slice(from, random.between(from, chars.length)).join(""); }),
    starts: () => texts().map(t => slice(t, true)),
    ends: () => texts().map(t => slice(t, false)),
    hashedItems: () => texts().map(t => sha256(t, salt, context)),
    hashedItem: () => sha256(String(random.pick(pool)), salt, context),
    hashedStarts: () => texts().filter(t => t.length).map(t => hashedSlice(t, true)),
    hashedEnds: () => texts().filter(t => t.length).map(t => hashedSlice(t, false)),
  };
  let value = makers[shape]();
  if (Array.isArray(value) && !value.length) value = ["1_" + sha256("a", salt, context)];
  return { a: attribute, c: comparator, [field]: value };
}

function percentageOptions(random, type) {
  const cuts = Array.from({ length: random.between(1, 4) }, () => random.between(0, 100)).sort((x, y) => x - y);
  return [...cuts, 100].map((cut, i) => ({ p: cut - (i ? cuts[i - 1] : 0), v: settingValue(random, type), i: random.id() }));
}

/** The values a setting can return: what a prerequisite condition compares with. */
function servedValues(setting) {
  return [setting.v, ...(setting.p ?? []).map(o => o.v), ...(setting.r ?? []).flatMap(r => r.s ? [r.s.v] : r.p.map(o => o.v))];
}

function otherTypeValue(random, type) {
  // An int setting compared with a double and the other way round is the case the SDKs are strictest about.
  const other = type === 2 ? 3 : type === 3 ? 2 : random.pick([0, 1, 2, 3].filter(t => t !== type));
  return settingValue(random, other);
}

function generateConfig(random, counts) {
  const salt = crypto.createHash("sha256").update(random.id()).digest("base64");
  const segmentNames = random.some(["Beta testers", "Developers", "Régió 🇭🇺", "Not EU", "Paying"], 0, 3);
  const condition = context => {
    const comparator = random.below(COMPARATORS.length);
    counts.comparators[comparator]++;
    return userCondition(random, comparator, salt, context);
  };
  const s = segmentNames.map(name => ({ n: name, r: Array.from({ length: random.between(1, 2) }, () => condition(name)) }));
  const keys = random.some(["isEnabled", "mainFeature", "dependent", "text", "count", "ratio", "ünïcode", "日本", "with.dots", "k😀", "rollout", "deep"], 3, 8);
  const f = {};
  for (const [index, key] of keys.entries()) {
    const type = random.below(4);
    const setting = { t: type };
    if (random.chance(0.3)) setting.a = random.pick(Object.keys(ATTRIBUTES));
    const rules = Array.from({ length: random.chance(0.2) ? 0 : random.between(1, 3) }, () => {
      const conditions = Array.from({ length: random.chance(0.6) ? 1 : random.between(2, 3) }, () => {
        const draw = random.below(100);
        if (draw < 12 && s.length) {
          return { s: { s: random.below(s.length), c: random.below(2) } };
        }
        if (draw < 25 && index > 0) {
          const prerequisiteKey = keys[random.below(index)];
          const prerequisite = f[prerequisiteKey];
          const mismatched = random.chance(0.04);
          counts.mismatchedPrerequisites += mismatched ? 1 : 0;
          return { p: { f: prerequisiteKey, c: random.below(2), v: mismatched ? otherTypeValue(random, prerequisite.t) : random.pick(servedValues(prerequisite)) } };
        }
        return { u: condition(key) };
      });
      return random.chance(0.25) ? { c: conditions, p: percentageOptions(random, type) } : { c: conditions, s: { v: settingValue(random, type), i: random.id() } };
    });
    if (rules.length) setting.r = rules;
    if (random.chance(0.35)) setting.p = percentageOptions(random, type);
    setting.v = settingValue(random, type);
    setting.i = random.id();
    f[key] = setting;
  }
  return { p: { u: "https://cdn-global.configcat.com", r: 0, s: salt }, ...(s.length ? { s } : {}), f };
}

function attributeValue(random, kind) {
  if (random.chance(0.1)) return random.pick(POOLS.text);
  switch (kind) {
    case "number": return random.pick([() => random.pick(POOLS.number), () => random.pick(POOLS.numberText), () => ({ $number: random.pick(["NaN", "Infinity", "-Infinity"]) })])();
    case "date": return random.pick([
      () => random.pick(POOLS.date),
      () => String(random.pick(POOLS.date)),
      () => ({ $date: new Date(random.pick(POOLS.date) * 1000 + random.between(-1500, 1500)).toISOString() }),
      () => random.pick(["2023-04-01", "soon"]),
    ])();
    case "list": return random.chance(0.6) ? random.some(POOLS.list, 0, 3) : random.pick([JSON.stringify(random.some(POOLS.list, 0, 3)), "read, write", "[\"open", "[1]"]);
    case "version": return random.chance(0.9) ? random.pick(POOLS.version) : random.pick([1, 2.5]);
    default: return random.pick(POOLS.text);
  }
}

function generateUser(random) {
  if (random.chance(0.08)) return null;
  const user = { Identifier: random.pick(POOLS.text) };
  if (random.chance(0.7)) user.Email = random.pick(POOLS.text.filter(t => t.includes("@")).concat(POOLS.text.slice(0, 3)));
  if (random.chance(0.6)) user.Country = random.pick(POOLS.text);
  const custom = {};
  for (const [name, kind] of Object.entries(ATTRIBUTES).slice(3)) {
    if (random.chance(0.55)) custom[name] = attributeValue(random, kind);
  }
  return Object.keys(custom).length ? { ...user, Custom: custom } : user;
}

function defaultValue(random, type) {
  if (type === null || random.chance(0.6)) return null;
  return [random.chance(0.5), "fuzz default", -99, -99.5][type];
}

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, "");
    if (!["out", "seed", "configs", "users"].includes(name) || argv[i + 1] === undefined) {
      throw new Error("usage: node fuzz.js --out DIR --seed SEED --configs N --users M");
    }
    options[name] = argv[i + 1];
  }
  if (!options.out || !options.seed || !options.configs || !options.users) {
    throw new Error("usage: node fuzz.js --out DIR --seed SEED --configs N --users M");
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const random = randomSource(options.seed);
  const out = path.resolve(options.out);
  fs.mkdirSync(path.join(out, "configs"), { recursive: true });
  const counts = { comparators: new Array(COMPARATORS.length).fill(0), mismatchedPrerequisites: 0, missingKeys: 0 };
  const cases = [];
  for (let c = 0; c < +options.configs; c++) {
    const config = generateConfig(random, counts);
    const name = "configs/" + String(c).padStart(3, "0") + ".json";
    fs.writeFileSync(path.join(out, name), JSON.stringify(config, null, 1) + "\n");
    for (let u = 0; u < +options.users; u++) {
      const user = generateUser(random);
      for (const [key, setting] of Object.entries(config.f)) {
        cases.push({ config: name, key, default: defaultValue(random, setting.t), settingType: setting.t, user });
      }
      if (random.chance(0.04)) {
        counts.missingKeys++;
        cases.push({ config: name, key: "missing", default: random.pick([null, "fallback", 0, false]), settingType: null, user });
      }
    }
  }
  fs.writeFileSync(path.join(out, "cases.json"), "[\n" + cases.map(c => JSON.stringify(c)).join(",\n") + "\n]\n");
  const results = await evaluateCases(cases.map(c => ({ ...c, config: path.join(out, c.config) })));
  fs.writeFileSync(path.join(out, "results.jsonl"), results.map(r => JSON.stringify(r)).join("\n") + "\n");
  const errors = {};
  for (const r of results.filter(r => r.errorCode)) errors[r.errorCode] = (errors[r.errorCode] ?? 0) + 1;
  const meta = {
    seed: options.seed, configs: +options.configs, usersPerConfig: +options.users, cases: cases.length,
    sdk: "@configcat/sdk " + require("@configcat/sdk/package.json").version,
    comparatorConditions: counts.comparators, mismatchedPrerequisites: counts.mismatchedPrerequisites, missingKeys: counts.missingKeys,
    errors, matchedRule: results.filter(r => r.matchedRule !== undefined).length,
    matchedPercentageOption: results.filter(r => r.matchedPercentageOption !== undefined).length,
  };
  fs.writeFileSync(path.join(out, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
  process.stdout.write(JSON.stringify(meta) + "\n");
}

main().catch(e => { console.error(e.stack ?? String(e)); process.exit(1); });
