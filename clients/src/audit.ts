// graphql-http's audit of the GraphQL-over-HTTP spec against /graphql, with a demo user's token: every MUST passes
// (or is listed below with the reason it cannot); SHOULD and MAY results are printed.
import { serverAudits } from 'graphql-http';

import { accessToken, graphqlUrl, run } from './service';

/** MUST audits this service fails on purpose, by audit id, with the reason. */
const KNOWN_EXCEPTIONS: Record<string, string> = {};

run('graphql-http audit', async () => {
  const authorization = `Bearer ${await accessToken('alice')}`;
  const audits = serverAudits({
    url: graphqlUrl,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', authorization);
      return fetch(input, { ...init, headers });
    },
  });
  const failedMusts: string[] = [];
  const tally = new Map<string, number>();
  for (const audit of audits) {
    const result = await audit.fn();
    const level = `${result.name.split(' ')[0]} ${result.status}`;
    tally.set(level, (tally.get(level) ?? 0) + 1);
    if (result.status === 'ok') {
      console.log(`ok      ${result.id} ${result.name}`);
      continue;
    }
    const body = await result.response.text().catch(() => '');
    const exception = KNOWN_EXCEPTIONS[result.id];
    console.log(`${result.status.padEnd(7)} ${result.id} ${result.name}\n        ${result.reason}` +
      `\n        answer: HTTP ${result.response.status} ${body.slice(0, 300)}` + (exception ? `\n        known exception: ${exception}` : ''));
    if (result.name.startsWith('MUST') && !exception) {
      failedMusts.push(`${result.id} ${result.name}: ${result.reason}`);
    }
  }
  console.log([...tally].map(([level, count]) => `${count} ${level}`).join(', '));
  if (failedMusts.length > 0) {
    throw new Error(`${failedMusts.length} MUST audit(s) failed:\n  ${failedMusts.join('\n  ')}`);
  }
});
