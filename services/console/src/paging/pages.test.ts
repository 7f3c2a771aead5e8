import { describe, expect, it } from 'vitest';
import { joinPages, pageOf } from './pages.js';

const page = (nodes: number[], endCursor: string | null) => ({ nodes, hasNextPage: endCursor !== null, endCursor });

describe('joinPages', () => {
  it('is complete only when the last page says there is no more', () => {
    expect(joinPages([page([1, 2], null)])).toEqual({ nodes: [1, 2], partial: false, next: null });
    expect(joinPages([page([1, 2], 'c2')])).toEqual({ nodes: [1, 2], partial: true, next: 'c2' });
    expect(joinPages([page([1, 2], 'c2'), page([3], null)])).toEqual({ nodes: [1, 2, 3], partial: false, next: null });
  });

  it('shows nothing past a page not yet arrived, and says the list is partial', () => {
    expect(joinPages([page([1], 'c1'), undefined])).toEqual({ nodes: [1], partial: true, next: null });
    expect(joinPages([undefined, page([2], null)])).toEqual({ nodes: [], partial: true, next: null });
    expect(joinPages([])).toEqual({ nodes: [], partial: false, next: null });
  });

  it('reads a page from a Relay connection: its nodes in order, and where it ends', () => {
    const connection = { edges: [{ node: 'a' }, { node: 'b' }], pageInfo: { hasNextPage: true, endCursor: 'c2' } };
    expect(pageOf(connection)).toEqual({ nodes: ['a', 'b'], hasNextPage: true, endCursor: 'c2' });
  });
});
