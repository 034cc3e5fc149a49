import { describe, expect, it } from 'vitest';
import { DEMO_CONTACT_ATTRIBUTES, DEMO_CONTACT_COUNT, generateDemoContacts } from './contacts.ts';
import { normalizeContact } from '../contacts/contact.ts';
import { demoStores } from './structure.ts';

describe('demo contacts', () => {
  const contacts = generateDemoContacts({ seed: 20_260_101, count: DEMO_CONTACT_COUNT, today: '2026-11-30' });

  it('are the same for the same seed, and different for another', () => {
    expect(generateDemoContacts({ seed: 20_260_101, count: DEMO_CONTACT_COUNT, today: '2026-11-30' })).toEqual(contacts);
    expect(generateDemoContacts({ seed: 1, count: DEMO_CONTACT_COUNT, today: '2026-11-30' })).not.toEqual(contacts);
  });

  it("pass the directory's own validation unchanged, with unique identifiers, home stores of the demo and a few opt-outs", () => {
    const defs = DEMO_CONTACT_ATTRIBUTES.map((a) => ({ ...a, choices: [...a.choices] }));
    for (const c of contacts) {
      const n = normalizeContact({ ...c, attributes: c.attributes }, { attributeDefs: defs, defaultCountry: null });
      expect(n.problems).toEqual([]);
      expect(n.fields).toMatchObject({ email: c.email, phone: c.phone, externalId: c.externalId, language: c.language, timeZone: c.timeZone });
    }
    for (const key of ['email', 'phone', 'externalId'] as const) expect(new Set(contacts.map((c) => c[key])).size).toBe(DEMO_CONTACT_COUNT);
    const stores = new Set(demoStores().map((s) => s.key));
    expect(contacts.every((c) => stores.has(c.store))).toBe(true);
    expect(contacts.filter((c) => c.store.startsWith('THR')).every((c) => c.phone.startsWith('+98') && c.timeZone === 'Asia/Tehran')).toBe(true);
    const optedOut = contacts.filter((c) => c.unsubscribed).length;
    expect(optedOut).toBeGreaterThan(3);
    expect(optedOut).toBeLessThan(30);
    expect(contacts[0].externalId).toBe('cust-1');
  });
});
