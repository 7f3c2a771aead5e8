import type {
  CatalogueCommand,
  DomainEvent,
  PlanCommand,
  Reference,
  RegistryCommand,
  ReportCommand,
  RoundCommand,
} from '@chitieu/domain';
import type { EventStore } from '@chitieu/event-store';
import { type CommandOptions, type CommandResult, handleCommand, type Route } from './handle-command.js';
import { createReferenceLoader } from './load-reference.js';
import { catalogueRoute, planRoute, registryRoute, reportRoute, roundRoute } from './routes.js';

/** Every command of the domain. */
export type Command = RegistryCommand | CatalogueCommand | PlanCommand | ReportCommand | RoundCommand;

// Data, not a switch: adding a command type to an aggregate's union without a route fails to compile.
const ROUTES: Record<Command['type'], Route<any, any, any>> = {
  RegisterProvince: registryRoute,
  RenameProvince: registryRoute,
  MergeProvinces: registryRoute,
  DefineIndicator: catalogueRoute,
  ReviseIndicator: catalogueRoute,
  AdoptPlan: planRoute,
  ReviseTarget: planRoute,
  WithdrawTarget: planRoute,
  AddPlanTask: planRoute,
  ReportPlanTask: planRoute,
  SupersedePlan: planRoute,
  ReportIndicator: reportRoute,
  CorrectReport: reportRoute,
  OpenReportingRound: roundRoute,
  SubmitRoundReport: roundRoute,
  CloseReportingRound: roundRoute,
};

export interface CommandBus {
  execute(command: Command, options: CommandOptions): Promise<CommandResult<DomainEvent>>;
  /** The national reference data as of now (registry and catalogue). */
  reference(): Promise<Reference>;
}

/** Routes each command to its aggregate's handler, sharing one reference loader. */
export function createCommandBus(store: EventStore): CommandBus {
  const reference = createReferenceLoader(store);
  return {
    execute: (command, options) => handleCommand(store, reference, ROUTES[command.type], command, options),
    reference,
  };
}
