/**
 * GET /api/docs: the OpenAPI document's operations as one small HTML page (no script, no CDN, no external
 * assets): for each, method and path, who may call it (a key's scope or a session's permission),
 * parameters, the request body's schema with an example and the answer's schema or file types, all taken
 * from the OpenAPI document.
 */
import { escapeXml as esc } from '../../core/text/xml.ts';

type Json = Record<string, any>;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{background:#f5f5f7;padding:.6rem;overflow:auto;max-height:24rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700}.scope{font-size:.8rem;border:1px solid #888;border-radius:.3rem;padding:0 .3rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:start;vertical-align:top}
nav li{margin:.1rem 0}td:last-child code{overflow-wrap:anywhere}`;

const json = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

function parametersTable(params: Json[]): string {
  if (params.length === 0) return '';
  const rows = params
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
    .join('');
  return `<h3>Parameters</h3><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Who may call it: an API key of a scope, or a signed-in session with a permission. */
const caller = (op: Json) => (op['x-sarafan-scope'] ? `${op['x-sarafan-scope']} key` : `session: ${op['x-sarafan-permission']}`);

/** The success answer: its JSON schema, or the media types of a download. */
function answer(status: string, ok: Json): string {
  const content = (ok.content ?? {}) as Json;
  if (content['application/json']) return `<h3>Answer (${esc(status)})</h3><details><summary>Schema</summary>${json(content['application/json'].schema)}</details>`;
  const files = Object.entries(content).map(([type, c]) => `<li><code>${esc(type)}</code>: ${esc((c as Json).schema?.description ?? '')}</li>`).join('');
  return `<h3>Answer (${esc(status)}): a file</h3><ul>${files}</ul>`;
}

function operationSection(method: string, path: string, op: Json): string {
  const body = op.requestBody?.content?.['application/json'];
  const [status, ok] = Object.entries(op.responses as Json).find(([s]) => s.startsWith('2')) ?? ['200', {}];
  return `<section id="${esc(op.operationId)}" aria-labelledby="h-${esc(op.operationId)}">
<h2 id="h-${esc(op.operationId)}"><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code> <span class="scope">${esc(caller(op))}</span></h2>
<p><strong>${esc(op.summary)}</strong>${op.description ? ` ${esc(op.description)}` : ''}</p>
${parametersTable(op.parameters ?? [])}
${body ? `<h3>Request body</h3>${body.example ? `<p>Example:</p>${json(body.example)}` : ''}${body['x-alternative-example'] ? `<p>Or (the second shape):</p>${json(body['x-alternative-example'])}` : ''}<details><summary>Schema</summary>${json(body.schema)}</details>` : ''}
${answer(status, ok as Json)}
</section>`;
}

export function renderApiDocs(doc: Json): string {
  const ops: [string, string, Json][] = [];
  for (const [path, methods] of Object.entries(doc.paths as Json)) for (const [method, op] of Object.entries(methods as Json)) ops.push([method, path, op]);
  const nav = ops.map(([m, p, op]) => `<li><a href="#${esc(op.operationId)}">${esc(m.toUpperCase())} ${esc(p)}</a>: ${esc(op.summary)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sarafan API</title><style>${STYLE}</style></head><body><main>
<h1>Sarafan API</h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI ${esc(doc.openapi)}). Errors are
<code>{"ok":false,"error":"&lt;code&gt;","message":"&lt;field&gt;: &lt;problem&gt;","details":{…}}</code>.</p>
<nav aria-label="Operations"><ul>${nav}</ul></nav>
${ops.map(([m, p, op]) => operationSection(m, p, op)).join('\n')}
</main></body></html>`;
}
