import { startTestApp, TestApp } from '../../support/test-app';

/**
 * The real application for the security suites. They send hundreds of requests a minute as one
 * subject, so the per-subject rate limit (RATE_LIMIT_PER_MINUTE) is off here, and request logging
 * is quiet; everything else is configured as for every e2e suite.
 */
export function startSecurityApp(): Promise<TestApp> {
  return startTestApp([], { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent' });
}
