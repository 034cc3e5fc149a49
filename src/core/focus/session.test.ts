import { describe, expect, it } from 'vitest';
import { namedGroup, nameNotAllowed, participantTotal } from './session.ts';

describe('participants', () => {
  const people = [{ role: 'cashier', count: 3 }, { role: 'manager', count: 1, name: 'Olga' }, { role: 'client', count: 2, name: '  ' }];
  it('refuses the first named participant when names are off, nothing when on', () => {
    expect(nameNotAllowed(people, false)).toEqual({ index: 1 });
    expect(nameNotAllowed(people, true)).toBeNull();
    // A blank name is no name.
    expect(nameNotAllowed([people[0], people[2]], false)).toBeNull();
  });
  it('refuses a name on a group of other than one person', () => {
    expect(namedGroup(people)).toBeNull();
    expect(namedGroup([{ role: 'client', count: 2, name: 'The Smiths' }])).toEqual({ index: 0 });
  });
  it('adds up the counts', () => {
    expect(participantTotal(people)).toBe(6);
    expect(participantTotal([])).toBe(0);
  });
});
