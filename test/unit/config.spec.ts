import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@src/config/config';

describe('configuration from the environment', () => {
  it('defaults to the embedded store on port 3000 in ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: resolve('./data'),
      eventStore: 'sqlite',
      eventStoreConnectionString: undefined,
      auth: { jwtSecret: undefined, jwksUrl: undefined },
      nodeEnv: 'development',
      logLevel: 'info',
      rateLimitPerMinute: 600,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      LEDGER_DATA_DIR: '/var/lib/poca',
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb+discover://node1:2113,node2:2113?tls=false',
      AUTH_JWKS_URL: 'https://idp.police.example/.well-known/jwks.json',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/poca',
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb+discover://node1:2113,node2:2113?tls=false',
      nodeEnv: 'production',
      logLevel: 'warn',
      rateLimitPerMinute: 120,
    });
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])(
    'takes LOG_LEVEL=%s',
    (level) => expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level),
  );

  it('RATE_LIMIT_PER_MINUTE=0 turns rate limiting off; blank means the default', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: ' ' }).rateLimitPerMinute).toBe(600);
    expect(loadConfig({ LOG_LEVEL: '' }).logLevel).toBe('info');
  });

  it('allows LOG_LEVEL=silent outside production only (it would drop the audit lines)', () => {
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() =>
      loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' }),
    ).toThrow('LOG_LEVEL must not be silent when NODE_ENV=production');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '3000.5' }, 'PORT'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING is required'],
    [
      { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' },
      'EVENTSTORE_CONNECTION_STRING must start',
    ],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set'],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ LOG_LEVEL: 'INFO' }, 'LOG_LEVEL'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE must be a whole number'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE must be 0 (off) or more'],
    [{ RATE_LIMIT_PER_MINUTE: '2.5' }, 'RATE_LIMIT_PER_MINUTE'],
  ])('refuses %j, naming the variable', (env, named) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(named);
  });

  it('lists every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'x', EVENT_STORE: 'y' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(error?.problems.some((p) => p.startsWith('EVENT_STORE'))).toBe(true);
  });
});
