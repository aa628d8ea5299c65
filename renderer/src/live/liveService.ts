import { routes } from '../../../core/contracts/http';
import { useCatalog } from '../state/catalog';
import type { LatestSample } from '../state/catalog';
import { useConnection } from '../state/connection';
import { allKeys, useSelection } from '../state/selection';
import { liveAlerts, liveSamples } from './emitter';
import type { LiveBatch } from './emitter';
import { LiveSocket } from './socket';
import type { SocketLike } from './socket';

/** How often the newest live values are folded into the catalog (the picker's "last" column). */
const CATALOG_REFRESH_MS = 2_000;

/** Same origin as the page: the server that served the renderer also serves the socket. */
export function liveUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}${routes.live.path}`;
}

export interface LiveServiceOptions {
  createSocket?: (url: string) => SocketLike;
}

/**
 * Wires the live socket to the app: samples go to the `liveSamples` emitter (the chart
 * listens there, outside React); the stores only see connection changes, the selected
 * keys (as subscriptions) and, throttled, the newest value of each datastream.
 * Returns the function that stops it all.
 */
export function startLiveService(options: LiveServiceOptions = {}): () => void {
  const latest = new Map<string, LatestSample>();
  const noteLatest = (batch: LiveBatch) => {
    for (let i = 0; i < batch.t.length; i += 1) {
      const t = batch.t[i] as number;
      const known = latest.get(batch.datastream);
      if (!known || t > known.t) latest.set(batch.datastream, { t, v: batch.v[i] as number });
    }
  };
  const socket = new LiveSocket({
    url: () => liveUrl(),
    createSocket: options.createSocket,
    onStatus: (status, attempt, retryAt) =>
      useConnection.getState().setLive(status, attempt, retryAt),
    onObservations: (batch) => {
      liveSamples.emit(batch);
      noteLatest(batch);
    },
    onSubscribed: (keys) => useConnection.getState().setSubscribed(keys),
    onAlert: (message) => liveAlerts.emit(message),
    onServerError: (message) => console.warn('live socket:', message),
  });

  socket.setSubscriptions(allKeys(useSelection.getState().panels));
  const unsubscribeSelection = useSelection.subscribe((state, prev) => {
    if (state.panels !== prev.panels) socket.setSubscriptions(allKeys(state.panels));
  });
  // After a reconnect the catalog may be stale (datastreams added while we were away).
  const unsubscribeConnection = useConnection.subscribe((state, prev) => {
    if (state.opens > 1 && state.opens !== prev.opens) void useCatalog.getState().load();
  });
  const timer = setInterval(() => {
    if (latest.size === 0) return;
    useCatalog.getState().applyLatest(latest);
    latest.clear();
  }, CATALOG_REFRESH_MS);

  socket.start();
  return () => {
    clearInterval(timer);
    unsubscribeSelection();
    unsubscribeConnection();
    socket.stop();
  };
}
