import { engines } from '@chitieu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, type Running, startE2E, THAI_NGUYEN, tick } from './support.js';

// The `events` subscription over Server-Sent Events, against the real server: a province sees its
// own events as they are recorded and never another tenant's.

interface LiveEvent {
  type: string;
  tenant: string;
  position: string;
}

/** One SSE subscription: what it has delivered so far, and a way to wait for more. */
interface Stream {
  /** Payloads of `event: next`, in order. */
  payloads: Array<{ data?: { events: LiveEvent } | null; errors?: Array<{ extensions?: { code?: string } }> }>;
  ended: boolean;
  until(found: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  close(): Promise<void>;
}

const SUBSCRIPTION = 'subscription { events { type tenant position } }';

async function subscribe(url: string, token: string | undefined, query = SUBSCRIPTION): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let notify: (() => void) | undefined;
  const stream: Stream = {
    payloads: [],
    ended: false,
    async until(found, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = events(stream).find(found);
        if (event) return event;
        if (stream.ended) throw new Error(`stream ended: ${JSON.stringify(stream.payloads)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`nothing matched in ${timeoutMs} ms: ${JSON.stringify(stream.payloads)}`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, left);
        });
      }
    },
    close: async () => {
      controller.abort();
      await pump.catch(() => {});
    },
  };
  // Reads in the background; each complete message (blank-line separated) is parsed as it arrives.
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (/^event: next$/m.test(message) && data) stream.payloads.push(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
      notify?.();
    }
  })().finally(() => {
    stream.ended = true;
    notify?.();
  });
  // The subscription starts from the log's horizon when the server first pulls it, not when the
  // headers arrive: give it a moment so that a write sent next is after that horizon.
  await tick(300);
  return stream;
}

function events(stream: Stream): LiveEvent[] {
  return stream.payloads.flatMap((payload) => (payload.data?.events ? [payload.data.events] : []));
}

describe.each(engines)('the events subscription over SSE (%s)', (engine) => {
  let e2e: Running;
  beforeAll(async () => {
    e2e = await startE2E(engine);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const report = (year: number) =>
    e2e.gql(
      'mutation ($input: ReportIndicatorInput!) { reportIndicator(input: $input) { position } }',
      {
        input: {
          province: THAI_NGUYEN,
          indicator: 'doctors_per_10000',
          period: { kind: 'year', year },
          value: 17.5,
          unit: 'per_10000',
          status: 'estimate',
          source: 'Báo cáo Sở Y tế',
        },
      },
      e2e.tokens.province,
    );

  it('delivers a province’s own event as it is recorded', async () => {
    const stream = await subscribe(e2e.gateway.url, e2e.tokens.province);
    try {
      const { reportIndicator } = dataOf<{ reportIndicator: { position: string } }>(await report(2026));
      const event = await stream.until((candidate) => candidate.type === 'IndicatorReported');
      expect(event).toEqual({ type: 'IndicatorReported', tenant: THAI_NGUYEN, position: reportIndicator.position });
    } finally {
      await stream.close();
    }
  });

  it('never delivers another tenant’s event to a province', async () => {
    const province = await subscribe(e2e.gateway.url, e2e.tokens.province);
    const ministry = await subscribe(e2e.gateway.url, e2e.tokens.ministry);
    try {
      const defined = await e2e.gql(
        `mutation ($input: DefineIndicatorInput!) { defineIndicator(input: $input) { position } }`,
        {
          input: {
            code: 'e2e_live_probe',
            nameVi: 'Chỉ số thử',
            nameEn: 'Probe indicator',
            unit: 'count',
            direction: 'higher',
            combine: { rule: 'sum' },
          },
        },
        e2e.tokens.ministry,
      );
      const { position } = dataOf<{ defineIndicator: { position: string } }>(defined).defineIndicator;
      await ministry.until((event) => event.type === 'IndicatorDefined' && event.tenant === 'national');
      // Events arrive in commit order: once the province's own later write has reached its stream,
      // the national event before it was filtered out, not merely late.
      dataOf(await report(2027));
      await province.until((event) => event.type === 'IndicatorReported');
      const tenants = events(province).map((event) => event.tenant);
      expect(tenants).not.toContain('national');
      expect(new Set(tenants)).toEqual(new Set([THAI_NGUYEN]));
      expect(events(province).map((event) => event.position)).not.toContain(position);
      // The ministry, which may see everything, got both.
      await ministry.until((event) => event.type === 'IndicatorReported' && event.tenant === THAI_NGUYEN);
    } finally {
      await Promise.all([province.close(), ministry.close()]);
    }
  });

  it('does not let a province follow another tenant by naming it', async () => {
    const stream = await subscribe(
      e2e.gateway.url,
      e2e.tokens.otherProvince,
      `subscription { events(tenant: "${THAI_NGUYEN}") { type tenant position } }`,
    );
    try {
      dataOf(await report(2028));
      // Lai Châu's stream has no event of its own to wait for: a window longer than the store's
      // one-second poll is the best available evidence that Thái Nguyên's report was not delivered.
      await tick(2500);
      expect(events(stream)).toEqual([]);
    } finally {
      await stream.close();
    }
  });

  it('refuses an anonymous subscriber when it subscribes', async () => {
    const stream = await subscribe(e2e.gateway.url, undefined);
    try {
      await new Promise<void>((resolve) => setTimeout(resolve, 200));
      expect(stream.payloads.flatMap((payload) => payload.errors ?? []).map((error) => error.extensions?.code)).toEqual(
        ['UNAUTHENTICATED'],
      );
      expect(events(stream)).toEqual([]);
    } finally {
      await stream.close();
    }
  });
});
