import { requestIdFor } from '@src/logging/request-id';
import { prettyLine } from '@src/logging/pretty-stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each(['abc-123', 'gw.7f3a:b_c', 'A'.repeat(100), '0b0f4c9e-2b1d-4a52-9a3e-8c1f7e2d6a10'])(
    'keeps a safe token: %s',
    (id) => expect(requestIdFor(id)).toBe(id),
  );

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'A'.repeat(101)],
    ['with spaces', 'a b'],
    ['with a newline', 'a\nb'],
    ['with markup', '<script>'],
    ['with a quote', 'a"b'],
    ['repeated', ['a', 'b']],
  ])('replaces one %s with a new UUID', (_name, incoming) => {
    expect(requestIdFor(incoming)).toMatch(UUID);
  });
});

describe('the readable development format', () => {
  it('shows time, level, context and request id, then the fields', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-11-27T10:04:05.123Z',
      pid: 1,
      hostname: 'h',
      reqId: 'r-1',
      method: 'GET',
      status: 200,
      actor: { sub: 'DC-1', agency: 'MPS' },
      msg: 'request completed',
    });
    expect(prettyLine(line)).toBe(
      '10:04:05.123 INFO  (r-1) request completed method=GET status=200 actor={"sub":"DC-1","agency":"MPS"}\n',
    );
  });

  it('keeps a multi-line message whole and puts an error stack under it', () => {
    expect(
      prettyLine(
        JSON.stringify({ level: 'info', time: 'T', context: 'PocaLedger', msg: 'one\n  two' }),
      ),
    ).toBe(' INFO  [PocaLedger]\none\n  two\n');
    expect(
      prettyLine(
        JSON.stringify({ level: 'error', msg: 'failed', err: { stack: 'Error: x\n    at f' } }),
      ),
    ).toBe(' ERROR failed\nError: x\n    at f\n');
  });

  it('passes through a line that is not JSON', () => {
    expect(prettyLine('plain')).toBe('plain\n');
  });
});
