import { v5 as uuidv5 } from 'uuid';
import { eventIdFor } from '@src/ledger/command-handling/command-metadata';

describe('eventIdFor', () => {
  it('is the v5 UUID of "commandId|stream|index" in the event id namespace, as it always was', () => {
    const cases: [string, string, number][] = [
      ['019aa3c4-7e1b-7a2c-9d3e-0123456789ab', 'asset-019aa3c4-7e1b-7a2c-9d3e-0123456789ac', 0],
      ['019aa3c4-7e1b-7a2c-9d3e-0123456789ab', 'exhibit-MPS-ÉXHIBIT/ü—漢字/7', 3],
    ];
    for (const [commandId, stream, index] of cases) {
      expect(eventIdFor(commandId, stream, index)).toBe(
        uuidv5(`${commandId}|${stream}|${index}`, '0c3d6f4a-2b7e-5c1d-9e8f-a1b2c3d4e5f6'),
      );
    }
    // Pinned: event ids already written must come out the same.
    expect(eventIdFor('c', 's', 1)).toBe('94b438c0-b5b5-5353-aed8-00d737f03d45');
  });
});
