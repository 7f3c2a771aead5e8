import type { LegalDocument } from '../shared/document.js';
import type { Combine, Direction, IndicatorInfo } from '../shared/reference.js';
import type { Unit } from '../shared/units.js';

/** Define an indicator. Field names are those of `IndicatorDefined`, so validation paths name the command's fields. */
export interface DefineIndicator extends IndicatorInfo {
  type: 'DefineIndicator';
  description?: string | undefined;
  /** None when omitted. */
  aliases?: string[] | undefined;
  source?: string | undefined;
}

/**
 * Revise an indicator: the fields given replace the current ones; fields equal to the current value
 * are not a change. A reason is required, a document recommended.
 */
export interface ReviseIndicator {
  type: 'ReviseIndicator';
  code: string;
  nameVi?: string | undefined;
  nameEn?: string | undefined;
  unit?: Unit | undefined;
  direction?: Direction | undefined;
  combine?: Combine | undefined;
  description?: string | undefined;
  aliases?: string[] | undefined;
  source?: string | undefined;
  reason: string;
  document?: LegalDocument | undefined;
}

export type CatalogueCommand = DefineIndicator | ReviseIndicator;
