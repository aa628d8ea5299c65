import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Bus } from '../../infra/bus/types';
import type { Logger } from '../../infra/logger';
import { errorHandler, notFoundHandler } from './error-handler';
import { refuseForeignHost } from './host-check';
import { refuseNulInUrl } from './refuse-nul';
import { ingestRouter, type IngestRouteDeps } from './routes-ingest';
import { readRouter, type ReadRouteDeps } from './routes-read';
import { jobsRouter } from './routes-jobs';
import { rulesRouter } from './routes-rules';
import { alertsRouter } from './routes-alerts';

export interface AppDeps extends IngestRouteDeps, ReadRouteDeps {
  logger: Logger;
  /** Host names besides IP addresses and localhost that requests may name. */
  allowedHosts: readonly string[];
  /** Where jobs by hand are queued; without it, submitting answers 503. */
  bus?: Bus;
  /** The built renderer, served at / when present. */
  staticDir: string | undefined;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(deps.metrics.middleware());
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(refuseForeignHost(deps.allowedHosts));
  app.use(refuseNulInUrl);
  app.use(ingestRouter(deps));
  app.use(readRouter(deps));
  app.use(rulesRouter(deps));
  app.use(alertsRouter(deps));
  app.use(jobsRouter(deps));
  app.use('/api', notFoundHandler);
  if (deps.staticDir && fs.existsSync(path.join(deps.staticDir, 'index.html'))) {
    const index = path.join(deps.staticDir, 'index.html');
    // Hashed assets may be cached; index.html never, so a rebuilt UI shows at the next load.
    app.use(
      express.static(deps.staticDir, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, file) => {
          if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    app.get(/^\/(?!api\/|metrics).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
