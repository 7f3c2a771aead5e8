// For tests of deciders and parsers, which assert on the code and field paths of what they refuse.
import { ChitieuError } from '@chitieu/errors';

/** The ChitieuError `run` throws; fails the test when it throws nothing, and rethrows any other error. */
export function refusal(run: () => unknown): ChitieuError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChitieuError) return error;
    throw error;
  }
  throw new Error('expected a ChitieuError, nothing was thrown');
}
