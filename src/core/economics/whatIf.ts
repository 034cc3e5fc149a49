/**
 * @module The loyalty what-if (docs/store-economics.md "Loyalty economics"): what raising retention or
 * turning detractors into passives is worth, from the user's own assumptions (defaults from the data).
 * Returns the numbers and each formula as structured parts (names of terms, values and operators) that the
 * dashboard renders in the reader's language: no text here.
 *
 * - Retention +X points: extra customers = customers × X / 100; extra revenue = extra customers × revenue
 *   per retained customer.
 * - Y detractors become passives: extra revenue = Y × (passive value − detractor value).
 * - "Keeping a customer costs a fifth of winning one": winning a customer costs `acquisitionCost`, keeping
 *   one acquisitionCost / acquisitionToRetention (5); the saving of keeping the extra customers instead of
 *   winning as many new ones = extra customers × (acquisitionCost − acquisitionCost / 5).
 *
 * Exports: `whatIf`, `WhatIfAssumptions`, `WhatIfResult`, `FormulaPart`, `WhatIfTerm`.
 */

export type WhatIfTerm =
  | 'customers' | 'retentionPoints' | 'revenuePerRetainedCustomer' | 'extraCustomers' | 'extraRevenueRetention'
  | 'detractorsToPassives' | 'passiveValue' | 'detractorValue' | 'extraRevenueDetractors'
  | 'acquisitionCost' | 'acquisitionToRetention' | 'saving' | 'totalGain';

/** One part of a formula: a named value, an operator or a bracket. */
export type FormulaPart =
  | { kind: 'term'; term: WhatIfTerm; value: number }
  | { kind: 'number'; value: number }
  | { kind: 'op'; op: '×' | '÷' | '−' | '+' | '=' }
  | { kind: 'open' }
  | { kind: 'close' };

export interface WhatIfAssumptions {
  /** customers over the window */
  customers: number;
  /** retention raised by this many percentage points */
  retentionPoints: number;
  /** revenue a retained customer brings over the window */
  revenuePerRetainedCustomer: number;
  /** how many detractors become passives */
  detractorsToPassives: number;
  /** revenue per passive customer */
  passiveValue: number;
  /** revenue per detractor customer */
  detractorValue: number;
  /** what winning one new customer costs */
  acquisitionCost: number;
  /** winning a customer costs this many times keeping one (the articles: 5) */
  acquisitionToRetention: number;
}

export interface WhatIfResult {
  assumptions: WhatIfAssumptions;
  extraCustomers: number;
  extraRevenueRetention: number;
  extraRevenueDetractors: number;
  saving: number;
  /** extraRevenueRetention + extraRevenueDetractors + saving */
  totalGain: number;
  formulas: {
    extraCustomers: FormulaPart[];
    retention: FormulaPart[];
    detractors: FormulaPart[];
    saving: FormulaPart[];
    total: FormulaPart[];
  };
}

const term = (t: WhatIfTerm, value: number): FormulaPart => ({ kind: 'term', term: t, value });
const op = (o: '×' | '÷' | '−' | '+' | '='): FormulaPart => ({ kind: 'op', op: o });

/** The what-if of `a` (assumptions already checked: finite, acquisitionToRetention > 0). */
export function whatIf(a: WhatIfAssumptions): WhatIfResult {
  const extraCustomers = (a.customers * a.retentionPoints) / 100;
  const extraRevenueRetention = extraCustomers * a.revenuePerRetainedCustomer;
  const extraRevenueDetractors = a.detractorsToPassives * (a.passiveValue - a.detractorValue);
  const saving = extraCustomers * (a.acquisitionCost - a.acquisitionCost / a.acquisitionToRetention);
  const totalGain = extraRevenueRetention + extraRevenueDetractors + saving;
  return {
    assumptions: a,
    extraCustomers,
    extraRevenueRetention,
    extraRevenueDetractors,
    saving,
    totalGain,
    formulas: {
      extraCustomers: [term('extraCustomers', extraCustomers), op('='), term('customers', a.customers), op('×'), term('retentionPoints', a.retentionPoints), op('÷'), { kind: 'number', value: 100 }],
      retention: [term('extraRevenueRetention', extraRevenueRetention), op('='), term('extraCustomers', extraCustomers), op('×'), term('revenuePerRetainedCustomer', a.revenuePerRetainedCustomer)],
      detractors: [
        term('extraRevenueDetractors', extraRevenueDetractors), op('='), term('detractorsToPassives', a.detractorsToPassives), op('×'),
        { kind: 'open' }, term('passiveValue', a.passiveValue), op('−'), term('detractorValue', a.detractorValue), { kind: 'close' },
      ],
      saving: [
        term('saving', saving), op('='), term('extraCustomers', extraCustomers), op('×'),
        { kind: 'open' }, term('acquisitionCost', a.acquisitionCost), op('−'), term('acquisitionCost', a.acquisitionCost), op('÷'), term('acquisitionToRetention', a.acquisitionToRetention), { kind: 'close' },
      ],
      total: [
        term('totalGain', totalGain), op('='), term('extraRevenueRetention', extraRevenueRetention), op('+'), term('extraRevenueDetractors', extraRevenueDetractors), op('+'), term('saving', saving),
      ],
    },
  };
}
