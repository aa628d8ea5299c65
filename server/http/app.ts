import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Bus } from '../../infra/bus/types';
import type { Logger } from '../../infra/logger';
import { errorHandler, notFoundHandler } from './error-handler';
import { refuseForeignHost } from './host-check';
import { refuseCrossSiteWrites } from './origin-check';
import { refuseNulInUrl } from './refuse-nul';
import { ingestRouter, type IngestRouteDeps } from './routes-ingest';
import { readRouter, type ReadRouteDeps } from './routes-read';
import { jobsRouter } from './routes-jobs';
import { rulesRouter } from './routes-rules';
import { alertsRouter } from './routes-alerts';
import { routes } from '../../core/contracts/http';
import { authorize } from './authorize';
import { sessionRouter, type SessionRouteDeps } from './routes-session';
import { usersRouter } from './routes-users';
import { bookingsRouter } from './routes-bookings';
import { schedulesRouter } from './routes-schedules';
import { deliveriesRouter } from './routes-deliveries';
import { reportsRouter } from './routes-reports';
import { operationsRouter } from './routes-operations';
import { uploadsRouter } from './routes-uploads';
import { layoutsRouter } from './routes-layouts';
import { stationsRouter } from './routes-stations';

export interface AppDeps extends IngestRouteDeps, ReadRouteDeps {
  logger: Logger;
  /** Host names besides IP addresses and localhost that requests may name. */
  allowedHosts: readonly string[];
  /** Where jobs by hand are queued; without it, submitting answers 503. */
  bus?: Bus;
  /** Where simulation result files are; GET /api/v1/jobs/:id/result serves only these. */
  resultsDir?: string;
  /** The built renderer, served at / when present. */
  staticDir: string | undefined;
  /** Sign-in mode and sessions: who may call which route (server/http/authorize.ts). */
  auth: Omit<SessionRouteDeps, 'db' | 'logger'>;
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
  app.use(refuseCrossSiteWrites);
  app.use(refuseNulInUrl);
  // The one authorization point: every route of the table, before any router runs.
  app.use(authorize({ db: deps.db, authMode: deps.auth.authMode }, routes));
  app.use(sessionRouter({ db: deps.db, logger: deps.logger, ...deps.auth }));
  app.use(usersRouter(deps));
  app.use(ingestRouter(deps));
  app.use(readRouter(deps));
  app.use(rulesRouter(deps));
  app.use(alertsRouter(deps));
  app.use(jobsRouter(deps));
  app.use(bookingsRouter(deps));
  app.use(schedulesRouter(deps));
  app.use(deliveriesRouter(deps));
  app.use(reportsRouter(deps));
  app.use(operationsRouter(deps));
  app.use(uploadsRouter(deps));
  app.use(stationsRouter(deps));
  app.use(layoutsRouter(deps));
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
