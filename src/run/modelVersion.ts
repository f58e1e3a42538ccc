/**
 * The model's version: the package version and the first 12 hex digits of a SHA-256 of the model's
 * source files (shared/model.md section 18). Written by scripts/model-version.mjs
 * (`npm run model-version`); test/run/version.test.ts fails when it is stale.
 */
export const MODEL_VERSION = '0.1.0+e81d5c633c98';
