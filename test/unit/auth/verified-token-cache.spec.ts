import { mintToken } from '@src/auth/mint-token';
import { tokenVerifier, VERIFIED_TOKEN_TTL_MS } from '@src/auth/token-verifier';
import { loadConfig } from '@src/config/config';
import { makeTempDir } from '../../support/temp-dir';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!!';
const T0 = new Date('2026-11-27T10:00:00Z');

describe('verified tokens are remembered until they expire', () => {
  const dir = makeTempDir('poca-auth-cache-');
  const config = loadConfig({ LEDGER_DATA_DIR: dir.path, AUTH_JWT_SECRET: SECRET });
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());
  afterAll(() => dir.remove());

  const mint = (ttl: string) =>
    mintToken({ sub: 'MPS-PC-0001', agency: 'MPS', roles: ['investigator'], ttl }, SECRET, T0);

  it('answers a repeated token with the same actor, as a copy each time', async () => {
    const verifier = tokenVerifier(config);
    const token = await mint('8h');
    const first = await verifier.verify(token);
    first.roles.push('auditor'); // a caller changing its copy changes nothing remembered
    const again = await verifier.verify(token);
    expect(again).toEqual({ id: 'MPS-PC-0001', agency: 'MPS', roles: ['investigator'] });
  });

  it('refuses a remembered token once it has expired (exp plus the 30 s tolerance)', async () => {
    const verifier = tokenVerifier(config);
    const token = await mint('60s');
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'MPS-PC-0001' });
    jest.setSystemTime(T0.getTime() + 89_000); // exp + 29 s: still accepted
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'MPS-PC-0001' });
    jest.setSystemTime(T0.getTime() + 90_000); // exp + 30 s: refused, as jose refuses it
    await expect(verifier.verify(token)).rejects.toThrow('the token has expired');
  });

  it('checks a long-lived token again after the remembering period', async () => {
    const verifier = tokenVerifier(config);
    const token = await mint('8h');
    await verifier.verify(token);
    jest.setSystemTime(T0.getTime() + VERIFIED_TOKEN_TTL_MS + 1);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'MPS-PC-0001' });
  });

  it('never remembers a refused token', async () => {
    const verifier = tokenVerifier(config);
    const other = await mintToken(
      { sub: 'MPS-PC-0001', agency: 'MPS', roles: ['investigator'], ttl: '8h' },
      `${SECRET}x`,
      T0,
    );
    await expect(verifier.verify(other)).rejects.toThrow('signature');
    await expect(verifier.verify(other)).rejects.toThrow('signature');
  });
});
