import { describe, expect, it } from 'vitest';
import { securityHeaders } from './securityHeaders.ts';

describe('security headers captured once', () => {
  it('are the headers helmet sets, with the directives given', () => {
    const headers = securityHeaders({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } });
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.stringContaining('max-age=') });
  });

  it('refuses a directive computed for each request, which one capture would freeze', () => {
    const nonce = () => "'nonce-abc'";
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", nonce] } } })).toThrow(/depends on the request/);
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'script-src': new Set(["'self'", nonce]) } } })).toThrow(/depends on the request/);
  });
});
