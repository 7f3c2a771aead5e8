import type { LegalDocument } from '../shared/document.js';

/**
 * Register a province. Field names are those of `ProvinceRegistered`, so validation paths name the
 * command's fields.
 */
export interface RegisterProvince {
  type: 'RegisterProvince';
  province: string;
  code: string;
  name: string;
  validFrom: string | null;
  legalBasis?: LegalDocument | undefined;
  /**
   * The provinces a successor will absorb by the merger effective on `validFrom`. A successor takes
   * the code of one of them (91: Kiên Giang, then the new An Giang), and that predecessor is still
   * open until the merger ends it, so without this the code check would refuse every successor.
   * Only these provinces are exempt from the code check; `MergeProvinces` checks the code again.
   */
  succeeds?: string[] | undefined;
}

/** Give a province a new name from `effectiveOn`, keeping its identity. */
export interface RenameProvince {
  type: 'RenameProvince';
  province: string;
  name: string;
  effectiveOn: string;
  legalBasis: LegalDocument;
}

/** Merge `predecessors` into `successor` (registered first, valid from `effectiveOn`). */
export interface MergeProvinces {
  type: 'MergeProvinces';
  successor: string;
  predecessors: string[];
  effectiveOn: string;
  legalBasis: LegalDocument;
}

export type RegistryCommand = RegisterProvince | RenameProvince | MergeProvinces;
