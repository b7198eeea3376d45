"use strict";
// Evaluates cases with @configcat/sdk: one manual-poll client per config, pointed at the loopback config server,
// downloads the config once and answers every case of that config with getValueDetailsAsync. Its evaluation log
// (event 5000) and its other messages are recorded per case.

const configcat = require("@configcat/sdk/node");
const { serveConfigs } = require("./config-server");

const LEVEL_NAMES = { [configcat.LogLevel.Debug]: "DEBUG", [configcat.LogLevel.Info]: "INFO", [configcat.LogLevel.Warn]: "WARNING", [configcat.LogLevel.Error]: "ERROR" };

/** Keeps what the SDK logs until the next take(). */
class RecordingLogger {
  constructor() {
    this.level = configcat.LogLevel.Info;
    this.eol = "\n";
    this.events = [];
  }

  log(level, eventId, message) {
    this.events.push({ level, eventId, message: String(message) });
  }

  take() {
    return this.events.splice(0);
  }
}

/**
 * The case notation's user ({"Identifier", "Email", "Country", "Custom": {...}} or null) as an SDK User. Custom values
 * are strings, numbers, string arrays, {"$number": "NaN" | "Infinity" | "-Infinity"} or {"$date": "<ISO 8601>"}.
 */
function toUser(user) {
  if (user == null) {
    return undefined;
  }
  const custom = {};
  for (const [name, value] of Object.entries(user.Custom ?? {})) {
    custom[name] = decodeValue(value);
  }
  return new configcat.User(user.Identifier ?? "", user.Email ?? undefined, user.Country ?? undefined, custom);
}

function decodeValue(value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    if ("$number" in value) return Number(value.$number);
    if ("$date" in value) return new Date(value.$date);
  }
  return value;
}

/** JSON cannot carry NaN or the infinities; they are written the way the case notation reads them. */
function encodeValue(value) {
  return typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value ?? null;
}

/**
 * cases: [{ config: <absolute path>, key, default, user }]. Returns one result per case, in order: { value, variationId,
 * isDefaultValue, matchedRule?, matchedPercentageOption? (0-based indexes), errorCode?, error?, log, messages? }.
 */
async function evaluateCases(cases) {
  const sdkKeys = new Map();
  for (const c of cases) {
    if (!sdkKeys.has(c.config)) {
      // The SDK keeps one client per SDK key, so every config gets its own (well-formed) key.
      sdkKeys.set(c.config, "configcat-sdk-1/oracle-config-" + String(sdkKeys.size).padStart(8, "0") + "/" + "x".repeat(22));
    }
  }
  const server = await serveConfigs(new Map([...sdkKeys].map(([file, sdkKey]) => [sdkKey, file])));
  const results = new Array(cases.length);
  try {
    for (const [file, sdkKey] of sdkKeys) {
      const logger = new RecordingLogger();
      const client = configcat.getClient(sdkKey, configcat.PollingMode.ManualPoll, { baseUrl: server.baseUrl, logger });
      try {
        const refresh = await client.forceRefreshAsync();
        if (!refresh.isSuccess) {
          throw new Error(file + " could not be downloaded: " + refresh.errorMessage);
        }
        logger.take();
        const settings = client.snapshot().fetchedConfig.f;
        for (let i = 0; i < cases.length; i++) {
          if (cases[i].config === file) {
            const c = cases[i];
            results[i] = describe(await client.getValueDetailsAsync(c.key, c.default ?? null, toUser(c.user)), settings[c.key], logger.take());
          }
        }
      } finally {
        client.dispose();
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

function describe(details, setting, events) {
  const result = { value: encodeValue(details.value), variationId: details.variationId ?? null, isDefaultValue: details.isDefaultValue };
  const rule = details.matchedTargetingRule;
  if (rule) {
    result.matchedRule = setting.r.indexOf(rule);
  }
  if (details.matchedPercentageOption) {
    result.matchedPercentageOption = (rule ? rule.p : setting.p).indexOf(details.matchedPercentageOption);
  }
  if (details.errorCode !== configcat.EvaluationErrorCode.None) {
    result.errorCode = configcat.EvaluationErrorCode[details.errorCode];
    result.error = details.errorMessage;
  }
  const logs = events.filter(e => e.eventId === 5000);
  result.log = logs.length ? logs[logs.length - 1].message : null;
  const messages = events.filter(e => e.eventId !== 5000).map(e => LEVEL_NAMES[e.level] + " [" + e.eventId + "] " + e.message);
  if (messages.length) {
    result.messages = messages;
  }
  return result;
}

module.exports = { evaluateCases, toUser };
