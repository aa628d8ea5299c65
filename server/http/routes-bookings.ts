import express, { Router, type Request } from 'express';
import { bookingRoutes } from '../../core/contracts/bookings';
import type { Database } from '../../infra/db/types';
import type { ActingUser } from '../bookings/acting-user';
import {
  cancelBooking,
  listCalendar,
  readBooking,
  requestBooking,
} from '../bookings/bookings-use-case';
import { identityOf } from './actor';
import { badRequest } from './app-error';

/** Who acts, with their role, as the authorization middleware identified them. */
function actingUser(req: Request): ActingUser {
  const identity = identityOf(req);
  if (!identity) throw new Error(`no identity for ${req.method} ${req.path}: route not authorized`);
  return { name: identity.name, role: identity.role };
}

/** The booking calendar of measurement time per instrument. */
export function bookingsRouter(deps: { db: Database }): Router {
  const router = Router();
  const json = express.json({ limit: '16kb' });
  router.get(bookingRoutes.bookings.path, async (req, res) => {
    res.json({ bookings: await listCalendar(deps.db, req.query) });
  });
  router.get(bookingRoutes.booking.path, async (req, res) => {
    res.json(await readBooking(deps.db, String(req.params.id)));
  });
  router.post(bookingRoutes.requestBooking.path, json, async (req, res) => {
    if (req.body === undefined) throw badRequest('send the booking as application/json');
    res.status(201).json(await requestBooking(deps.db, req.body, actingUser(req)));
  });
  router.post(bookingRoutes.cancelBooking.path, async (req, res) => {
    res.json(await cancelBooking(deps.db, String(req.params.id), actingUser(req)));
  });
  return router;
}
