// Where the suite finds the service and its Logto, and what every scenario shares. Defaults: the embedded run
// (`mvn spring-boot:test-run`); RealClientsTests sets the variables for the instances it starts.

/** The service's GraphQL endpoint. */
export const graphqlUrl = process.env.ORGBFF_GRAPHQL_URL ?? 'http://localhost:8080/graphql';

/** The Logto emulator, whose dev-only route hands out a demo user's access token. */
const logtoEndpoint = process.env.LOGTO_ENDPOINT ?? 'http://localhost:3001';

/** A fresh access token of a demo user (alice, bob, carol, dave, erin), from the emulator's `/dev/token`. */
export async function accessToken(username: string): Promise<string> {
  const response = await fetch(`${logtoEndpoint}/dev/token?username=${encodeURIComponent(username)}`);
  if (!response.ok) {
    throw new Error(`no token for ${username} from ${logtoEndpoint}/dev/token: HTTP ${response.status}`);
  }
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One HTTP request a client sent, as a browser's network tab shows it. */
export interface SentRequest {
  method: string;
  /** the `query` parameter or body field: the document's text, if it was sent */
  query: string | null;
  /** the `extensions` parameter or body field, parsed */
  extensions: Record<string, unknown> | null;
  /** the answer's first error message, or `data` */
  answer: string;
}

/** A `fetch` that records what it sends, for the checks of how a client sent each document. */
export function recordingFetch(): { fetch: typeof fetch; requests: SentRequest[] } {
  const requests: SentRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    let fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
    if (typeof fields.extensions === 'string') {
      fields.extensions = JSON.parse(fields.extensions);
    }
    if (request.method === 'POST') {
      fields = JSON.parse(await request.clone().text());
    }
    const response = await fetch(request);
    const body = (await response.clone().json()) as { errors?: { message: string }[] };
    const sent: SentRequest = {
      method: request.method,
      query: typeof fields.query === 'string' ? fields.query : null,
      extensions: (fields.extensions as Record<string, unknown> | undefined) ?? null,
      answer: body.errors?.[0]?.message ?? 'data',
    };
    requests.push(sent);
    console.log(`  ${sent.method} ${sent.query === null ? 'without' : 'with'} the text, extensions ${JSON.stringify(sent.extensions)}:` +
      ` HTTP ${response.status}, ${sent.answer}`);
    return response;
  };
  return { fetch: recording, requests };
}

/**
 * Checks the requests sent since the last check, each as `<method> <what it carried>: <answer>`, e.g.
 * `GET hash: PersistedQueryNotFound` or `POST text and hash: data`, and empties the record.
 */
export function expectSent(requests: SentRequest[], expected: string[]): void {
  const sent = requests.splice(0).map((request) => {
    const hash = request.extensions?.persistedQuery !== undefined;
    const carried = request.query === null ? (hash ? 'hash' : 'nothing') : hash ? 'text and hash' : 'text';
    return `${request.method} ${carried}: ${request.answer}`;
  });
  if (JSON.stringify(sent) !== JSON.stringify(expected)) {
    const known = expected[0]?.endsWith('PersistedQueryNotFound') && sent[0]?.endsWith(': data')
      ? '\n(the service knew the document already: run the scenario against a service that has not run it, e.g. restart it)' : '';
    throw new Error(`sent ${JSON.stringify(sent)}, expected ${JSON.stringify(expected)}${known}`);
  }
}

/** Runs a scenario: its failure is printed with its reason and ends the process with exit code 1. */
export function run(name: string, scenario: () => Promise<void>): void {
  scenario().then(
    () => console.log(`${name}: passed`),
    (error: unknown) => {
      console.error(`${name}: FAILED`);
      console.error(error);
      process.exit(1);
    },
  );
}
