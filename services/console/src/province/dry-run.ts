/** What the gateway's `/console/import/dry-run` answers (services/gateway/src/http/import-dry-run.ts). */
export interface DryRun {
  file: string;
  rows: number;
  period: { from: number; to: number } | null;
  baselines: Array<{
    indicator: string;
    year: number;
    value: number | null;
    unit: string;
    written?: string;
    source?: string;
  }>;
  targets: Array<{
    target: string;
    kind: string;
    indicator: string;
    year: number;
    value?: number;
    comparator?: string;
    unit?: string;
    written?: string;
    source?: string;
  }>;
  faults: Array<{ line: number; column?: string; reason: string }>;
}
