import type { RequestHandler } from 'express';
import type { Log } from '../services';

/**
 * Logs one line per request when the response ends: method, path (without the query,
 * which may hold user input), status, milliseconds and the request id.
 */
export function requestLog(log: Log): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let logged = false;
    const write = (): void => {
      if (logged) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log({
        level: 'info',
        msg: 'request',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        id: res.locals.requestId,
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    };
    res.on('finish', write);
    res.on('close', write);
    next();
  };
}
