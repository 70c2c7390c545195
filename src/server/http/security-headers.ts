import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (issue 12, decision 0013), through @fastify/helmet. The CSP is what the app
 * really needs, checked in Chromium with no violation on any page (tests/e2e): scripts only from this origin
 * (the build and /api/docs load files, never inline code); styles also inline, because Mantine writes its CSS
 * variables into a style element and style attributes; data: images for the enrolment QR code and blob: for
 * downloads and PDF previews; the service worker and the manifest from this origin; never framed.
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https://');
  await app.register(fastifyHelmet, {
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
  });
}
