import {
  type CatalogueCommand,
  type CatalogueEvent,
  type CatalogueState,
  catalogueDecider,
  NATIONAL_TENANT,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
  planDecider,
  planStream,
  planTenant,
  type RegistryCommand,
  type RegistryEvent,
  type RegistryState,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
  registryDecider,
  reportDecider,
  roundDecider,
  streams,
} from '@chitieu/domain';
import type { Route } from './handle-command.js';

/** Registry commands write the national registry; a newly registered province becomes a tenant. */
export const registryRoute: Route<RegistryCommand, RegistryState, RegistryEvent> = {
  decider: registryDecider,
  tenant: () => NATIONAL_TENANT,
  stream: () => streams.registry(),
  document: (command) => ('legalBasis' in command ? command.legalBasis : undefined),
  beforeAppend: async (events, store) => {
    for (const event of events) {
      if (event.type === 'ProvinceRegistered') {
        await store.registerTenant({ id: event.data.province, name: event.data.name });
      }
    }
  },
};

export const catalogueRoute: Route<CatalogueCommand, CatalogueState, CatalogueEvent> = {
  decider: catalogueDecider,
  tenant: () => NATIONAL_TENANT,
  stream: () => streams.catalogue(),
  document: (command) => (command.type === 'ReviseIndicator' ? command.document : undefined),
};

export const planRoute: Route<PlanCommand, PlanState, PlanEvent> = {
  decider: planDecider,
  tenant: planTenant,
  stream: planStream,
  document: (command) => ('document' in command.data ? command.data.document : undefined),
};

/** A report lives in the tenant of its province, one stream per indicator and period. */
export const reportRoute: Route<ReportCommand, ReportState, ReportEvent> = {
  decider: reportDecider,
  tenant: (command) => command.data.province,
  stream: (command) => streams.report(command.data.province, command.data.indicator, command.data.period),
};

export const roundRoute: Route<RoundCommand, RoundState, RoundEvent> = {
  decider: roundDecider,
  tenant: (command) => command.data.tenant,
  stream: (command) => streams.round(command.data.tenant, command.data.round),
  document: (command) => (command.type === 'OpenReportingRound' ? command.data.document : undefined),
};
