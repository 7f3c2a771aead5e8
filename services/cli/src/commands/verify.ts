import { parseArgs } from 'node:util';
import { ChitieuError } from '@chitieu/errors';
import { listTenants, verifyTenant } from '@chitieu/event-store';
import { createProgress } from '@chitieu/logging';
import type { Command } from '../context.js';

/**
 * `verify [TENANT …] [--trusted-head SEQ:HASH]`: walks each tenant's hash chain (all tenants by
 * default) and prints the verdict. Exit code 1 when any chain is broken.
 */
export const verify: Command = async ({ handle, logger, args, out, signal }) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'trusted-head': { type: 'string' } },
  });
  const trustedHead = values['trusted-head'] === undefined ? undefined : parseHead(values['trusted-head']);
  if (trustedHead && positionals.length !== 1) {
    throw new ChitieuError('VALIDATION_FAILED', '--trusted-head needs exactly one tenant', {}, [
      { path: 'trusted-head', message: 'needs exactly one tenant' },
    ]);
  }
  const tenants = positionals.length > 0 ? positionals : (await listTenants(handle.db)).map((tenant) => tenant.id);
  let broken = 0;
  for (const tenant of tenants) {
    if (signal.aborted) break;
    const progress = createProgress(`verify ${tenant}`, logger);
    const result = await verifyTenant(handle.db, tenant, {
      ...(trustedHead && { trustedHead }),
      onProgress: (checked, total) => {
        progress.total(total);
        progress.update(checked);
      },
    });
    progress.stop();
    if (result.ok) {
      const head = result.head ? `head ${result.head.tenantSeq}:${result.head.hash}` : 'empty';
      out(`${tenant}: ok, ${result.checked} events, ${head}`);
      logger.info({ tenant, checked: result.checked, head: result.head }, 'chain verified');
    } else {
      broken++;
      out(`${tenant}: BROKEN (${result.kind}) after ${result.checked} good events: ${result.message}`);
      logger.error({ tenant, kind: result.kind, event: result.event, checked: result.checked }, 'chain broken');
    }
  }
  return broken > 0 ? 1 : 0;
};

function parseHead(text: string) {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (!match) {
    throw new ChitieuError('VALIDATION_FAILED', '--trusted-head must be SEQ:HASH (64 hex digits)', {}, [
      { path: 'trusted-head', message: 'must be SEQ:HASH' },
    ]);
  }
  return { tenantSeq: BigInt(match[1] as string), hash: match[2] as string };
}
