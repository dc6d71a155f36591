import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../test/support/certificate.ts';
import { configFromEnvironment } from './settings.ts';

const SECRET = 'x'.repeat(32);

describe('production settings', () => {
  it('is production with NODE_ENV=production or OPENPBF_MODE=production, which wins', () => {
    expect(configFromEnvironment({}).production).toBe(false);
    expect(configFromEnvironment({ NODE_ENV: 'production' }).production).toBe(true);
    expect(configFromEnvironment({ OPENPBF_MODE: 'production' }).production).toBe(true);
    expect(configFromEnvironment({ NODE_ENV: 'production', OPENPBF_MODE: 'development' }).production).toBe(false);
    expect(() => configFromEnvironment({ OPENPBF_MODE: 'prod' })).toThrow("OPENPBF_MODE: 'prod' is neither 'production' nor 'development'");
  });

  it('loads the demo only outside production, unless DEMO=off; refuses DEMO=on in production', () => {
    expect(configFromEnvironment({}).loadDemo).toBe(true);
    expect(configFromEnvironment({ DEMO: 'off' }).loadDemo).toBe(false);
    expect(configFromEnvironment({ NODE_ENV: 'production' }).loadDemo).toBe(false);
    expect(() => configFromEnvironment({ NODE_ENV: 'production', DEMO: 'on' })).toThrow('DEMO=on: production mode never loads the demo');
    expect(() => configFromEnvironment({ DEMO: 'no' })).toThrow("DEMO: 'no' is neither 'on' nor 'off'");
  });

  it('sets Secure cookies in production, and outside it only with COOKIE_SECURE=true', () => {
    expect(configFromEnvironment({}).secureCookies).toBe(false);
    expect(configFromEnvironment({ COOKIE_SECURE: 'true' }).secureCookies).toBe(true);
    expect(configFromEnvironment({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(() => configFromEnvironment({ NODE_ENV: 'production', COOKIE_SECURE: 'false' })).toThrow('COOKIE_SECURE=false: production mode sends the session cookie over HTTPS only');
    expect(() => configFromEnvironment({ COOKIE_SECURE: 'yes' })).toThrow("COOKIE_SECURE: 'yes' is neither 'true' nor 'false'");
  });

  it('takes a SESSION_SECRET of at least 32 characters', () => {
    expect(configFromEnvironment({ SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(() => configFromEnvironment({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET: at least 32 characters (it has 5)');
  });

  it('trusts no proxy unless TRUST_PROXY names them, and refuses what is not an address', () => {
    expect(configFromEnvironment({}).trustProxy).toBe(false);
    expect(configFromEnvironment({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(configFromEnvironment({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8,::1,loopback');
    expect(() => configFromEnvironment({ TRUST_PROXY: '10.0.0.0/33' })).toThrow("TRUST_PROXY: '10.0.0.0/33' is not an IP address");
    expect(() => configFromEnvironment({ TRUST_PROXY: '2' })).toThrow("TRUST_PROXY: '2' is not an IP address");
  });

  it('allows 30 sign-in attempts a minute from one address unless LOGIN_ATTEMPTS_PER_MINUTE says otherwise', () => {
    expect(configFromEnvironment({}).loginAttemptsPerMinute).toBe(30);
    expect(configFromEnvironment({ LOGIN_ATTEMPTS_PER_MINUTE: '100' }).loginAttemptsPerMinute).toBe(100);
    expect(() => configFromEnvironment({ LOGIN_ATTEMPTS_PER_MINUTE: '0' })).toThrow("LOGIN_ATTEMPTS_PER_MINUTE: '0' is not a whole number");
  });
});

describe('HTTPS and the log', () => {
  const first = selfSignedCertificate();
  const second = selfSignedCertificate();

  it('speaks HTTPS with TLS_CERT and TLS_KEY, and then sets Secure cookies outside production too', () => {
    const config = configFromEnvironment({ TLS_CERT: first.certPath, TLS_KEY: first.keyPath });
    expect(config.tls).toMatchObject({ certPath: first.certPath, keyPath: first.keyPath, cert: first.cert });
    expect(config.secureCookies).toBe(true);
    expect(configFromEnvironment({ TLS_CERT: first.certPath, TLS_KEY: first.keyPath, COOKIE_SECURE: 'false' }).secureCookies).toBe(false);
    expect(configFromEnvironment({}).tls).toBeUndefined();
  });

  it('wants both files, readable, a certificate and its own key', () => {
    expect(() => configFromEnvironment({ TLS_CERT: first.certPath })).toThrow('TLS_CERT is set but TLS_KEY is not: set both');
    expect(() => configFromEnvironment({ TLS_KEY: first.keyPath })).toThrow('TLS_KEY is set but TLS_CERT is not: set both');
    const missing = join(dirname(first.certPath), 'missing.pem');
    expect(() => configFromEnvironment({ TLS_CERT: missing, TLS_KEY: first.keyPath })).toThrow(`TLS_CERT: '${missing}' cannot be read (no such file)`);
    expect(() => configFromEnvironment({ TLS_CERT: first.certPath, TLS_KEY: dirname(first.keyPath) })).toThrow('cannot be read (it is a folder, not a file)');
    expect(() => configFromEnvironment({ TLS_CERT: first.certPath, TLS_KEY: second.keyPath })).toThrow(
      `TLS_CERT and TLS_KEY: '${first.certPath}' and '${second.keyPath}' are not a PEM certificate and its unencrypted private key (`,
    );
    expect(() => configFromEnvironment({ TLS_CERT: first.keyPath, TLS_KEY: first.keyPath })).toThrow('are not a PEM certificate');
  });

  it('logs warnings and errors by default, every request at LOG_LEVEL=info, nothing with LOG=off', () => {
    expect(configFromEnvironment({}).logLevel).toBe('warn');
    expect(configFromEnvironment({ LOG_LEVEL: 'info' }).logLevel).toBe('info');
    expect(configFromEnvironment({ LOG: 'off' }).logLevel).toBe('silent');
    expect(configFromEnvironment({ LOG: 'off', LOG_LEVEL: 'error' }).logLevel).toBe('error');
    expect(() => configFromEnvironment({ LOG_LEVEL: 'verbose' })).toThrow("LOG_LEVEL: 'verbose' is not one of silent, fatal, error, warn, info, debug, trace");
    expect(() => configFromEnvironment({ LOG: 'on' })).toThrow("LOG: 'on' is not 'off'; to choose what is logged, set LOG_LEVEL");
  });
});
