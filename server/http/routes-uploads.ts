import express, { Router } from 'express';
import { uploadRoutes } from '../../core/contracts/uploads';
import type { IngestDeps } from '../ingest/ingest-use-case';
import { bodyStream } from '../ingest/read-body';
import { discardQuarantined, fixQuarantined, listQuarantine } from '../uploads/quarantine-use-case';
import { UploadProgressBoard } from '../uploads/upload-progress';
import { uploadFile } from '../uploads/upload-use-case';
import { actorOf } from './actor';
import { badRequest } from './app-error';

/** Station files are big (a year of 10-minute data is a few MB; decades are more): streamed, never held. */
export const UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** Portal upload (a file's raw bytes as the body) and quarantine review. */
export function uploadsRouter(deps: IngestDeps & { uploadMaxBytes?: number }): Router {
  const router = Router();
  const json = express.json({ limit: '128kb' });
  const progressBoard = new UploadProgressBoard();
  router.post(uploadRoutes.upload.path, async (req, res) => {
    const answer = await uploadFile(deps, {
      body: bodyStream(req),
      declaredBytes: Number(req.headers['content-length'] ?? 0),
      contentType: req.headers['content-type'] ?? '',
      query: req.query,
      actor: actorOf(req),
      maxBytes: deps.uploadMaxBytes ?? UPLOAD_MAX_BYTES,
      progressBoard,
    });
    res.json(answer);
  });
  router.get(uploadRoutes.uploadProgress.path, (req, res) => {
    res.json(progressBoard.read(String(req.params.id), actorOf(req)));
  });
  router.get(uploadRoutes.quarantine.path, async (req, res) => {
    res.json(await listQuarantine(deps, req.query));
  });
  router.post(uploadRoutes.fixQuarantined.path, json, async (req, res) => {
    if (req.body === undefined) throw badRequest('send the fix as application/json {"raw": …}');
    res.json(await fixQuarantined(deps, String(req.params.id), req.body, actorOf(req)));
  });
  // JSON only (`{}` will do), as for fixes: a page of another site cannot send JSON to the
  // local server without a CORS preflight, which it never answers.
  router.post(uploadRoutes.discardQuarantined.path, json, async (req, res) => {
    if (req.body === undefined) throw badRequest('send application/json, e.g. {}');
    res.json(await discardQuarantined(deps, String(req.params.id), actorOf(req)));
  });
  return router;
}
