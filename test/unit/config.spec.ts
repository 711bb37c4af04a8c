import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration from the environment', () => {
  it('defaults to the embedded store on port 3000 in ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: resolve('./data'),
      eventStore: 'sqlite',
      eventStoreConnectionString: undefined,
      auth: { jwtSecret: undefined, jwksUrl: undefined },
      nodeEnv: 'development',
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
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/poca',
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb+discover://node1:2113,node2:2113?tls=false',
      nodeEnv: 'production',
    });
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
