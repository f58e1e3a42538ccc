import express, { type RequestHandler } from 'express';

/** Largest form or JSON body accepted; a scenario file pasted into a form is well under this. */
export const BODY_LIMIT = '256kb';
/** BODY_LIMIT in bytes, for the file upload. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Form and JSON bodies, each capped at BODY_LIMIT; larger bodies get a 413 page from the
 * error handler. Only simple (non-nested) form fields.
 */
export function bodyParsers(): RequestHandler[] {
  return [express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 500 }), express.json({ limit: BODY_LIMIT })];
}
