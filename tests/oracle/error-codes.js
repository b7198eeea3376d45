"use strict";
// The SDK's RefreshErrorCode and EvaluationErrorCode values as JSON: {"RefreshErrorCode": {"None": 0, ...}, ...}.
// usage: node error-codes.js

const configcat = require("@configcat/sdk/node");

// TypeScript numeric enums map names to numbers and numbers back to names; only the first half is the enum.
const members = enumeration => Object.fromEntries(Object.entries(enumeration).filter(([, value]) => typeof value === "number"));

process.stdout.write(JSON.stringify({
  RefreshErrorCode: members(configcat.RefreshErrorCode),
  EvaluationErrorCode: members(configcat.EvaluationErrorCode),
}) + "\n");
