/**
 * Runs before any other module of the renderer (main.tsx imports it first). ES modules
 * are evaluated in import order, so what is set here is in place when the core schemas
 * are built and when the first component reads the theme.
 */
import { z } from 'zod';
import { applyTheme, useUi } from './state/ui';

// zod 4 probes `new Function('')` when an object schema is built, to compile fast parsers.
// Under our CSP (no 'unsafe-eval') the probe fails harmlessly but Chrome still reports a
// CSP violation in the console. jitless skips the probe; parsing stays correct, the API
// responses are small enough that the interpreted path costs nothing noticeable. The
// Electron window will run under the same CSP, so it needs this too. Without it, the e2e
// test's "no console errors" check fails on the first page load.
z.config({ jitless: true });

// The chosen theme on <html> before the first paint: no dark/light flash, and the chart's
// first read of the CSS variables already sees the right colors.
applyTheme(useUi.getState().theme);
