/**
 * The JSON body an SMS gateway receives. Without a template it is the fixed shape
 * `{"to": "+79161234567", "from": "Sarafan", "text": "..."}`; a template is any JSON document whose
 * strings may contain the placeholders {to}, {text} and {from}, each replaced inside its string (so a
 * value can never break out of the JSON: no string concatenation of JSON text).
 */

export const SMS_PLACEHOLDERS = ['to', 'text', 'from'] as const;
export type SmsValues = Record<(typeof SMS_PLACEHOLDERS)[number], string>;

/** The fixed body, used when an organisation sets no template. */
export function defaultSmsBody(v: SmsValues): Record<string, string> {
  return v.from ? { to: v.to, from: v.from, text: v.text } : { to: v.to, text: v.text };
}

/** Why a template cannot be used (not JSON, not an object, no {to} or no {text}), or null when it can. */
export function smsTemplateProblem(template: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    return 'the template is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'the template must be a JSON object';
  for (const p of ['to', 'text']) if (!template.includes(`{${p}}`)) return `the template has no {${p}} placeholder`;
  return null;
}

function fill(node: unknown, v: SmsValues): unknown {
  if (typeof node === 'string') return node.replace(/\{(to|text|from)\}/g, (_, k: keyof SmsValues) => v[k]);
  if (Array.isArray(node)) return node.map((n) => fill(n, v));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, n]) => [k, fill(n, v)]));
  return node;
}

/** The body for these values: the template filled in, or the fixed shape. @throws on a template smsTemplateProblem refuses */
export function smsBody(template: string | null | undefined, v: SmsValues): unknown {
  if (!template) return defaultSmsBody(v);
  const problem = smsTemplateProblem(template);
  if (problem) throw new Error(problem);
  return fill(JSON.parse(template), v);
}

/** A provider's message id from its JSON answer (`id`, `message_id`, `messageId`, `sid`), when it gives one. */
export function providerIdOf(answer: unknown): string | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as Record<string, unknown>;
  for (const k of ['id', 'message_id', 'messageId', 'sid']) {
    const v = a[k];
    if ((typeof v === 'string' && v.length <= 200) || typeof v === 'number') return String(v);
  }
  return undefined;
}
