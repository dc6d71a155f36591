import { describe, expect, it } from 'vitest';
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
