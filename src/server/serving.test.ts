import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../test/support/certificate.ts';
import { testDatabase } from '../../test/support/database.ts';
import type { Database } from '../store/database.ts';
import { buildApp } from './app.ts';

const SCRIPT = `console.log(${JSON.stringify('a hashed script '.repeat(200))});`;

/** A built client as Vite leaves it: hashed files under assets/, each text file with its .br and .gz copies. */
function builtClient(): string {
  const root = mkdtempSync(join(tmpdir(), 'openpbf-dist-'));
  mkdirSync(join(root, 'assets'));
  const files = { 'index.html': '<!doctype html><title>OpenPBF</title>'.padEnd(2000, ' '), 'sw.js': '// the service worker', 'assets/index-Ab12Cd34.js': SCRIPT };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(root, name), content);
    writeFileSync(join(root, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(root, `${name}.gz`), gzipSync(content));
  }
  return root;
}

describe('how answers are served', () => {
  let database: Database;
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    database = await testDatabase('pglite');
    const webRoot = builtClient();
    app = await buildApp({ database, webRoot });
    proxied = await buildApp({ database, webRoot, trustProxy: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
    await database?.close();
  });

  it('over plain HTTP, sends no upgrade to https nor HSTS: a LAN without a certificate gets a working page', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(page.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(page.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
  });

  it('behind a trusted proxy that speaks HTTPS, sends them; an untrusted X-Forwarded-Proto changes nothing', async () => {
    const viaProxy = await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(viaProxy.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(viaProxy.headers['cross-origin-opener-policy']).toBe('same-origin');
    const forged = await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends the hashed files compressed at build time, kept a year; index.html and sw.js are checked on each load', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(script.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' });
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' });
    expect(script.headers['content-security-policy']).toBeUndefined();
    expect(brotliDecompressSync(script.rawPayload).toString()).toBe(SCRIPT);
    const gzipOnly = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    for (const url of ['/', '/entry?unit=cds_1', '/sw.js']) {
      const answer = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['cache-control'], url).toBe('no-cache');
    }
    const route = await app.inject({ method: 'GET', url: '/entry?unit=cds_1', headers: { 'accept-encoding': 'br' } });
    expect(route.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(route.rawPayload).toString()).toContain('<title>OpenPBF</title>');
  });

  it('compresses API answers of a kilobyte or more as they are sent, and lets nobody keep them', async () => {
    const large = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br' } });
    expect(large.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-store' });
    expect(JSON.parse(brotliDecompressSync(large.rawPayload).toString())).toMatchObject({ openapi: expect.any(String) });
    const gzipped = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const small = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('no-store');
    expect(small.json()).toEqual({ status: 'ok' });
  });

  it('with a certificate of its own (TLS_CERT, TLS_KEY), answers over HTTPS with HSTS and the upgrade of http:// sub-resources', async () => {
    const certificate = selfSignedCertificate();
    const secure = await buildApp({ database, tls: certificate });
    try {
      await secure.listen({ host: '127.0.0.1', port: 0 });
      const { port } = secure.server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const request = httpsRequest({ host: '127.0.0.1', servername: 'localhost', port, path: '/api/health', ca: certificate.cert }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        });
        request.on('error', reject);
        request.end();
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
      expect(answer.headers['strict-transport-security']).toContain('max-age=');
      expect(answer.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});
