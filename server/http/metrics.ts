import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export class Metrics {
  readonly registry = new Registry();
  readonly ingestRows = new Counter({
    name: 'firn_ingest_rows_total',
    help: 'Observation rows received, by result (stored, duplicate, rejected)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly ingestBatches = new Counter({
    name: 'firn_ingest_batches_total',
    help: 'Ingest batches committed',
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'firn_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  /** `readBacklog` is asked at each scrape, so the gauge is never stale. */
  constructor(readBacklog: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'firn_' });
    new Gauge({
      name: 'firn_outbox_backlog_rows',
      help: 'Observations committed but not yet published to the bus',
      registers: [this.registry],
      async collect() {
        this.set(await readBacklog());
      },
    });
  }

  /** Times every request; the label is the matched route pattern, never the raw URL. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.requestDuration.startTimer();
      res.on('finish', () => {
        const route = (req.route as { path?: string } | undefined)?.path;
        end({
          route: route ? req.baseUrl + route : 'unmatched',
          method: req.method,
          status: res.statusCode,
        });
      });
      next();
    };
  }
}
