import { describe, expect, it } from 'vitest';
import { headersByProtocol, securityHeaders } from './securityHeaders.ts';

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

  it('over plain HTTP leave out only what needs HTTPS: the upgrade of requests, HSTS and COOP', () => {
    const { http, https } = headersByProtocol();
    expect(https.page['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
    expect(http.page['content-security-policy']).toBe(https.page['content-security-policy']!.replace(';upgrade-insecure-requests', ''));
    const { 'content-security-policy': _httpsCsp, 'strict-transport-security': _hsts, 'cross-origin-opener-policy': _coop, ...rest } = https.page;
    const { 'content-security-policy': _httpCsp, ...httpRest } = http.page;
    expect(httpRest).toEqual(rest);
  });

  it('on built scripts and stylesheets keep what applies to them, not what governs documents', () => {
    const { http, https } = headersByProtocol();
    expect(http.asset).toEqual({ 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin', 'referrer-policy': 'no-referrer' });
    expect(https.asset).toEqual({ ...http.asset, 'strict-transport-security': https.page['strict-transport-security'] });
  });
});
