import { TestApp } from './test-app';

/**
 * Opens a case and adds a defendant to it through the API; the case's id and the subject's (from
 * the subject route's answer).
 */
export async function openCaseWithDefendant(
  t: TestApp,
  body: { reference: string; title: string; occurredAt?: string },
  defendant = 'Daniel Okafor',
): Promise<{ caseId: string; subjectId: string }> {
  const opened = await t.http().post('/cases').send(body).expect(201);
  const caseId = opened.body.id as string;
  const added = await t
    .http()
    .post(`/cases/${caseId}/subjects`)
    .send({ name: defendant, role: 'defendant' })
    .expect(200);
  return { caseId, subjectId: added.body.subjectId as string };
}
