"use strict";
// Random inputs for the JavaScript rules the engine re-implements, with @configcat/sdk's own answers.
// usage: node js-rules.js SEED COUNT
// One JSON line per input; strings are written as arrays of UTF-16 code units, because JSON text cannot carry lone
// surrogates to every reader.
//   {"rule":"format","bits":"<hex>","out":[...]}                      String(x)
//   {"rule":"parse","in":[...],"bits":"<hex>"}                        Utils.parseFloatStrict(s)
//   {"rule":"number","in":[...],"ok":bool,"bits":"<hex>"}             the SDK's number-attribute rule (first ',' -> '.', "NaN" allowed)
//   {"rule":"semver","a":[...],"b":[...],"va":bool,"vb":bool,"cmp":-1|0|1|null}   Semver.parse(s.trim()) and compare
//   {"rule":"array","in":[...],"out":[[...],...]|null}               JSON.parse + isStringArray
//   {"rule":"stringify","in":[[...],...],"out":[...]}                 JSON.stringify(string[])
//   {"rule":"utf8","in":[...],"out":[bytes]}                          Utils.utf8Encode
//   {"rule":"date","bits":"<hex>","out":[...]|null}                   new Date(seconds * 1000).toISOString(), as evaluation logs print dates
const crypto = require("crypto");
const { parseFloatStrict, isStringArray, utf8Encode } = require("@configcat/sdk/lib/cjs/Utils.js");
const Semver = require("@configcat/sdk/lib/cjs/Semver.js");

const seed = process.argv[2] ?? "1";
const count = +(process.argv[3] ?? 2000);
let state = crypto.createHash("sha256").update(seed).digest().readUInt32LE(0) || 1;
const next = () => { // xorshift32
  state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
  return state / 4294967296;
};
const int = n => Math.floor(next() * n);
const pick = a => a[int(a.length)];
const units = s => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const view = new DataView(new ArrayBuffer(8));
const bits = x => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16).padStart(16, "0"); };
const out = [];
const emit = o => out.push(JSON.stringify(o));
const randomText = (alphabet, max) => Array.from({ length: int(max + 1) }, () => pick(alphabet)).join("");

// Number#toString: random bit patterns, all powers of two, short decimals across the notation boundaries.
for (let n = -1074; n <= 1023; n++) emit({ rule: "format", bits: bits(2 ** n), out: units(String(2 ** n)) });
for (let i = 0; i < count * 5; i++) {
  view.setUint32(0, int(4294967296)); view.setUint32(4, int(4294967296));
  const x = view.getFloat64(0);
  if (!Number.isNaN(x)) emit({ rule: "format", bits: bits(x), out: units(String(x)) });
  const y = (int(2) ? -1 : 1) * int(1000000) / 10 ** int(8) * 10 ** (int(60) - 30);
  emit({ rule: "format", bits: bits(y), out: units(String(y)) });
}

// Number parsing.
const numberAlphabet = ["0", "0", "1", "5", "9", ".", ",", "e", "E", "+", "-", " ", "\t", "\u00a0", "\ufeff", "\u0085", "x", "b", "o", "_", "Infinity", "NaN", "a", "\u0661"];
for (let i = 0; i < count * 3; i++) {
  const s = randomText(numberAlphabet, 7);
  emit({ rule: "parse", in: units(s), bits: bits(parseFloatStrict(s)) });
  const n = parseFloatStrict(s.replace(",", "."));
  emit({ rule: "number", in: units(s), ok: !isNaN(n) || s.trim() === "NaN", bits: bits(n) });
}

// Semantic versions.
const semverParts = ["0", "1", "2", "10", "01", "9007199254740991", "9007199254740992", "99999999999999999999", ".", ".", ".", "-", "-", "+",
  "alpha", "beta", "rc", "x", "0a", "v", "V", " ", "\u00a0", "\ufeff", "_", "é"];
const mainVersion = () => [pick(["", "v", " "]), int(12), ".", int(3), ".", pick(["0", "1", "12"])].join("");
const prereleaseIds = ["alpha", "beta", "1", "2", "11", "0", "00", "x-y", "9007199254740992", "9007199254740993", "18014398509481984", "18014398509481985"];
const semverText = main => int(4) ? [main,
  ...(int(3) ? ["-", ...Array.from({ length: int(3) + 1 }, (_, k) => (k ? "." : "") + pick(prereleaseIds))] : []),
  ...(int(3) ? [] : ["+", pick(["build", "001", "a.b", "x..y", ""])]), pick(["", "", " "])].join("") : randomText(semverParts, 9);
for (let i = 0; i < count * 3; i++) {
  const main = mainVersion();
  const a = semverText(main), b = semverText(int(2) ? main : mainVersion());
  const va = Semver.parse(a.trim()), vb = Semver.parse(b.trim());
  emit({ rule: "semver", a: units(a), b: units(b), va: !!va, vb: !!vb, cmp: va && vb ? Math.sign(va.compare(vb)) : null });
}

// String arrays as JSON text.
const arrayAlphabet = ["[", "]", "[", "]", "\"", "\"", "\"", ",", " ", "\n", "\t", "\u00a0", "\\", "\\\"", "\\u00e9", "\\ud800", "\\uDC00", "\\/",
  "\\x", "\ud800", "\udc00", "\u0001", "a", "b", "é", "😀", "1", "null", "{}"];
for (let i = 0; i < count * 3; i++) {
  const s = int(2) ? randomText(arrayAlphabet, 10) : "[" + Array.from({ length: int(4) }, () => "\"" + randomText(arrayAlphabet.slice(5), 4) + "\"").join(pick([",", ", ", " ,"])) + "]";
  let v = s;
  try { v = JSON.parse(s); } catch { /* not JSON */ }
  emit({ rule: "array", in: units(s), out: isStringArray(v) ? v.map(units) : null });
}

// JSON.stringify of string arrays and UTF-8 of arbitrary code units.
const codeUnit = () => pick([() => int(0x20), () => 0x20 + int(0x60), () => 0x80 + int(0x780), () => 0x800 + int(0xd000), () => 0xd800 + int(0x800),
  () => 0xe000 + int(0x2000), () => pick([0x22, 0x5c, 0x7f, 0x2028, 0x2029, 0xfeff])])();
const randomUnits = max => String.fromCharCode(...Array.from({ length: int(max + 1) }, codeUnit));
for (let i = 0; i < count * 3; i++) {
  const items = Array.from({ length: int(4) }, () => randomUnits(6));
  emit({ rule: "stringify", in: items.map(units), out: units(JSON.stringify(items)) });
  const s = randomUnits(8);
  emit({ rule: "utf8", in: units(s), out: units(utf8Encode(s)) });
}

// Date#toISOString over the whole range of valid JavaScript dates and a little beyond.
for (let i = 0; i < count; i++) {
  const seconds = pick([() => (next() * 2 - 1) * 8.64e12, () => (next() * 2 - 1) * 1e9, () => int(4102444800) + int(1000) / 1000, () => (next() * 2 - 1) * 8.7e12])();
  const d = new Date(seconds * 1000);
  emit({ rule: "date", bits: bits(seconds), out: isNaN(d) ? null : units(d.toISOString()) });
}

process.stdout.write(out.join("\n") + "\n");
