import {
  type Command,
  catalogueRoute,
  planRoute,
  type Route,
  registryRoute,
  reportRoute,
  roundRoute,
} from '@chitieu/commands';
import { assertNever } from '@chitieu/domain';

/** Where the command bus sends a command: its route, and the tenant and stream it writes. */
export interface Routed {
  route: Route<any, any, any>;
  tenant: string;
  stream: string;
}

/** The route the command bus takes for `command` (its table is private; this switch is exhaustive). */
export function routeOf(command: Command): Routed {
  const to = (route: Route<any, any, any>) => ({ route, tenant: route.tenant(command), stream: route.stream(command) });
  switch (command.type) {
    case 'RegisterProvince':
    case 'RenameProvince':
    case 'MergeProvinces':
      return to(registryRoute);
    case 'DefineIndicator':
    case 'ReviseIndicator':
      return to(catalogueRoute);
    case 'AdoptPlan':
    case 'ReviseTarget':
    case 'WithdrawTarget':
    case 'AddPlanTask':
    case 'ReportPlanTask':
    case 'SupersedePlan':
      return to(planRoute);
    case 'ReportIndicator':
    case 'CorrectReport':
      return to(reportRoute);
    case 'OpenReportingRound':
    case 'SubmitRoundReport':
    case 'CloseReportingRound':
      return to(roundRoute);
    default:
      return assertNever(command);
  }
}
