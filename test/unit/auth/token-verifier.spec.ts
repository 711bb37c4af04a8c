import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { developmentSecret } from '@src/auth/development-secret';
import { mintToken } from '@src/auth/mint-token';
import { tokenVerifier } from '@src/auth/token-verifier';
import { signingSecret, tokenCommand } from '@src/cli/token-command';
import { loadConfig } from '@src/config/config';
import { makeTempDir } from '../../support/temp-dir';
import { signTestToken } from '../../support/tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!!';

describe('bearer tokens', () => {
  const dir = makeTempDir('poca-auth-');
  afterAll(() => dir.remove());
  const hs256 = () =>
    tokenVerifier(loadConfig({ LEDGER_DATA_DIR: dir.path, AUTH_JWT_SECRET: SECRET }));

  it('a minted token verifies to its subject, agency and roles', async () => {
    const token = await mintToken(
      { sub: 'DC 4411', agency: 'MPS', roles: ['investigator', 'supervisor'], ttl: '8h' },
      SECRET,
    );
    await expect(hs256().verify(token)).resolves.toEqual({
      id: 'DC 4411',
      agency: 'MPS',
      roles: ['investigator', 'supervisor'],
    });
  });

  it.each([
    ['expired', signTestToken({ secret: SECRET, expiresIn: -120 }), 'the token has expired'],
    ['signed with another key', signTestToken({ secret: `${SECRET}x` }), 'signature'],
    ['without exp', signTestToken({ secret: SECRET }, { exp: undefined }), 'exp'],
    ['with no roles', signTestToken({ secret: SECRET, roles: [] }), 'roles'],
    ['with only unknown roles', signTestToken({ secret: SECRET, roles: ['admin'] }), 'roles'],
    ['with a bad agency', signTestToken({ secret: SECRET, agency: "MPS'; --" }), 'agency'],
    ['not a JWT', 'not.a.jwt', 'not a valid JWT'],
  ])('refuses a token %s, saying why', async (_, token, why) => {
    await expect(hs256().verify(token)).rejects.toThrow(why);
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'x', agency: 'MPS', roles: ['auditor'], exp: 9999999999 }),
    ).toString('base64url');
    await expect(hs256().verify(`${header}.${payload}.`)).rejects.toThrow();
  });

  it('keeps unknown roles out of the actor, and accepts a space-separated roles claim', async () => {
    const token = signTestToken({ secret: SECRET, roles: ['finance', 'admin'] });
    expect((await hs256().verify(token)).roles).toEqual(['finance']);
    const spaced = signTestToken({ secret: SECRET }, { roles: 'auditor finance' });
    expect((await hs256().verify(spaced)).roles).toEqual(['auditor', 'finance']);
  });

  describe('against a JWKS (RS256 / ES256)', () => {
    let server: Server;
    let url: string;
    let sign: (claims: Record<string, unknown>) => Promise<string>;

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      server = createServer((_, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
      sign = (claims) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject('NCA 5150')
          .setExpirationTime('1h')
          .sign(privateKey);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies tokens signed by the identity provider, and refuses HS256 ones', async () => {
      const verifier = tokenVerifier(
        loadConfig({ LEDGER_DATA_DIR: dir.path, AUTH_JWKS_URL: url, NODE_ENV: 'production' }),
      );
      await expect(
        verifier.verify(await sign({ agency: 'NCA', roles: ['auditor'] })),
      ).resolves.toEqual({
        id: 'NCA 5150',
        agency: 'NCA',
        roles: ['auditor'],
      });
      await expect(verifier.verify(signTestToken({ secret: SECRET }))).rejects.toThrow(
        'algorithm not accepted',
      );
    });
  });

  describe('the development secret', () => {
    it('is generated once into the data directory, readable by its owner only, and reused', () => {
      const data = join(dir.path, 'dev');
      const first = developmentSecret(data);
      expect(first.generated).toBe(true);
      expect(first.secret.length).toBeGreaterThanOrEqual(32);
      expect(statSync(first.path).mode & 0o777).toBe(0o600);
      const again = developmentSecret(data);
      expect(again).toEqual({ ...first, generated: false });
    });

    it('is what the server verifies with and `poca-ledger token` signs with', async () => {
      const config = loadConfig({ LEDGER_DATA_DIR: join(dir.path, 'dev2') });
      const secret = signingSecret(config) as string;
      const token = await mintToken(
        { sub: 'PC 1', agency: 'CoLP', roles: ['finance'], ttl: '5m' },
        secret,
      );
      await expect(tokenVerifier(config).verify(token)).resolves.toMatchObject({ agency: 'CoLP' });
    });

    it('is never used in production: the configuration refuses to load without auth settings', () => {
      expect(() => loadConfig({ LEDGER_DATA_DIR: dir.path, NODE_ENV: 'production' })).toThrow(
        'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set when NODE_ENV=production',
      );
    });
  });

  describe('poca-ledger token', () => {
    const run = async (
      options: { sub: string; agency: string; role: string[]; ttl: string },
      env = {},
    ) => {
      const out: string[] = [];
      const err: string[] = [];
      const stdout = jest
        .spyOn(process.stdout, 'write')
        .mockImplementation((s) => (out.push(String(s)), true));
      const stderr = jest
        .spyOn(process.stderr, 'write')
        .mockImplementation((s) => (err.push(String(s)), true));
      try {
        const code = await tokenCommand(loadConfig({ LEDGER_DATA_DIR: dir.path, ...env }), options);
        return { code, out: out.join(''), err: err.join('') };
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
      }
    };

    it('prints a token the server accepts, valid for --ttl', async () => {
      const { code, out } = await run(
        { sub: 'DC 4411', agency: 'MPS', role: ['investigator', 'supervisor'], ttl: '30m' },
        { AUTH_JWT_SECRET: SECRET },
      );
      expect(code).toBe(0);
      const token = out.trim();
      await expect(hs256().verify(token)).resolves.toMatchObject({ id: 'DC 4411' });
      const { exp, iat } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(exp - iat).toBe(1800);
    });

    it('refuses an unknown role, a bad ttl, and minting when a JWKS issues the tokens', async () => {
      expect((await run({ sub: 'a', agency: 'MPS', role: ['boss'], ttl: '8h' })).code).toBe(64);
      const badTtl = await run({ sub: 'a', agency: 'MPS', role: ['finance'], ttl: 'forever' });
      expect(badTtl).toMatchObject({ code: 64, err: expect.stringContaining('--ttl') });
      const jwks = await run(
        { sub: 'a', agency: 'MPS', role: ['finance'], ttl: '8h' },
        { AUTH_JWKS_URL: 'https://idp.example/jwks' },
      );
      expect(jwks).toMatchObject({ code: 78, err: expect.stringContaining('identity provider') });
    });
  });
});
