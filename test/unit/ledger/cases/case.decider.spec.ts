import { CaseCommand } from '@src/ledger/cases/case.commands';
import { caseDecider } from '@src/ledger/cases/case.decider';
import { CaseEvent } from '@src/ledger/cases/case.events';
import { deciderSpec } from '../../../support/decider-spec';

const spec = deciderSpec(caseDecider);
const now = '2026-11-27T12:00:00.000Z';
const caseId = '01937a3e-0000-7000-8000-000000000001';

const opened: CaseEvent = {
  type: 'CaseOpened',
  data: {
    caseId,
    reference: 'MPS/ECU/2026/0113',
    title: 'Stimtone',
    operation: 'Stimtone',
    leadAgency: 'MPS',
    jurisdiction: 'E&W',
    occurredAt: '2026-11-27T06:00:00.000Z',
  },
};
const cmd = <T extends CaseCommand['type']>(
  type: T,
  data: Extract<CaseCommand, { type: T }>['data'],
) => ({ type, data, now }) as CaseCommand;

describe('case decider', () => {
  it('opens a case, defaulting occurredAt to now', () => {
    spec
      .given([])
      .when(
        cmd('OpenCase', {
          caseId,
          reference: 'MPS/ECU/2026/0113',
          title: 'Stimtone',
          operation: 'Stimtone',
          leadAgency: 'MPS',
          jurisdiction: 'E&W',
        }),
      )
      .then([{ ...opened, data: { ...opened.data, occurredAt: now } }]);
  });

  it('normalises a given occurredAt to UTC', () => {
    spec
      .given([])
      .when(cmd('OpenCase', { ...opened.data, occurredAt: '2026-11-27T06:00:00+00:00' }))
      .then([opened]);
  });

  it('refuses to open a case twice', () => {
    spec.given([opened]).when(cmd('OpenCase', opened.data)).thenRefuses('already_exists');
  });

  it('refuses an occurredAt in the future (beyond clock skew), and a malformed one', () => {
    spec
      .given([])
      .when(cmd('OpenCase', { ...opened.data, occurredAt: '2026-11-27T12:10:00Z' }))
      .thenRefuses('future_date', 'occurredAt');
    spec
      .given([])
      .when(cmd('OpenCase', { ...opened.data, occurredAt: '2026-11-27T12:04:00Z' }))
      .thenMatches([{ type: 'CaseOpened' }]);
    spec
      .given([])
      .when(cmd('OpenCase', { ...opened.data, occurredAt: 'yesterday' }))
      .thenRefuses('invalid_date', 'occurredAt');
  });

  it('adds subjects once each', () => {
    const added: CaseEvent = {
      type: 'SubjectAdded',
      data: { subjectId: 's1', name: 'Daniel Okafor', role: 'defendant', occurredAt: now },
    };
    spec
      .given([opened])
      .when(cmd('AddSubject', { subjectId: 's1', name: 'Daniel Okafor', role: 'defendant' }))
      .then([added]);
    spec
      .given([opened, added])
      .when(cmd('AddSubject', { subjectId: 's1', name: 'D', role: 'suspect' }))
      .thenRefuses('already_exists', 'subjectId');
  });

  it('acts only on a case that exists and is open', () => {
    spec
      .given([])
      .when(cmd('AddSubject', { subjectId: 's1', name: 'A', role: 'suspect' }))
      .thenRefuses('not_found');
    const closed: CaseEvent = { type: 'CaseClosed', data: { reason: 'NFA', occurredAt: now } };
    spec
      .given([opened, closed])
      .when(cmd('ShareCase', { agency: 'NCA', reason: 'r' }))
      .thenRefuses('case_closed');
    spec
      .given([opened, closed])
      .when(cmd('CloseCase', { reason: 'again' }))
      .thenRefuses('case_closed');
  });

  it('shares with another agency once, never with the lead; revokes only a share that exists', () => {
    const shared: CaseEvent = {
      type: 'CaseShared',
      data: { agency: 'NCA', reason: 'Joint', occurredAt: now },
    };
    spec
      .given([opened])
      .when(cmd('ShareCase', { agency: 'NCA', reason: 'Joint' }))
      .then([shared]);
    spec
      .given([opened])
      .when(cmd('ShareCase', { agency: 'MPS', reason: 'x' }))
      .thenRefuses('invalid_state', 'agency');
    spec
      .given([opened, shared])
      .when(cmd('ShareCase', { agency: 'NCA', reason: 'x' }))
      .thenRefuses('invalid_state', 'agency');
    spec
      .given([opened, shared])
      .when(cmd('RevokeCaseSharing', { agency: 'NCA', reason: 'Done' }))
      .then([
        { type: 'CaseSharingRevoked', data: { agency: 'NCA', reason: 'Done', occurredAt: now } },
      ]);
    spec
      .given([opened])
      .when(cmd('RevokeCaseSharing', { agency: 'NCA', reason: 'x' }))
      .thenRefuses('invalid_state', 'agency');
  });

  it('evolves sharing and closure into the state', () => {
    const state = spec.given([
      opened,
      { type: 'CaseShared', data: { agency: 'NCA', reason: 'r', occurredAt: now } },
      { type: 'CaseShared', data: { agency: 'CoLP', reason: 'r', occurredAt: now } },
      { type: 'CaseSharingRevoked', data: { agency: 'NCA', reason: 'r', occurredAt: now } },
      { type: 'CaseClosed', data: { reason: 'r', occurredAt: now } },
    ]).state;
    expect(state).toMatchObject({
      exists: true,
      closed: true,
      sharedWith: ['CoLP'],
      leadAgency: 'MPS',
    });
  });
});
