import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every answer (issue 12, decisions 0013 and 0015). helmet (the library @fastify/helmet wraps)
 * composes them, once at start-up: @fastify/helmet rebuilds every helmet middleware and re-serialises the CSP on
 * each request (about 5 % of an access-checked read's CPU), while nothing here varies per request (no nonces),
 * so one fixed set of headers is sent. The CSP is what the app really needs, checked in Chromium with no
 * violation on any page (tests/e2e): scripts only from this origin (the build and /api/docs load files, never
 * inline code); styles also inline, because Mantine writes its CSS variables into a style element and style
 * attributes; data: images for the enrolment QR code and blob: for downloads and PDF previews; the service worker
 * and the manifest from this origin; never framed.
 */
export function securityHeaderOptions(publicUrl: string): HelmetOptions {
  const https = publicUrl.startsWith('https://');
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the server is reached over https: on plain http it would only confuse a local browser
    strictTransportSecurity: https ? { maxAge: 365 * 86400, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    // the enrolment QR and downloads are same-origin; nothing here is meant to be embedded elsewhere
    crossOriginEmbedderPolicy: false,
  };
}

/** The headers helmet sets for these options, captured by running its middleware once on a stand-in answer. */
export function composeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const headers = composeSecurityHeaders(securityHeaderOptions(publicUrl));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
