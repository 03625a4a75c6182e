/**
 * A readable API reference at /api/docs, rendered on the server from the
 * OpenAPI document: no script, no CDN (the platform must run offline), and
 * plain semantic HTML that a screen reader can follow.
 */
type Doc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; responses?: Record<string, { description?: string }> }>>;
};

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export function renderApiDocs(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${esc(status)}</code> ${esc(r.description ?? '')}</li>`)
        .join('');
      const html = `<section class="op"><h3><code>${esc(method.toUpperCase())} ${esc(path)}</code></h3>
<p>${esc(op.summary ?? '')}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, ops]) => `<section aria-labelledby="tag-${esc(tag)}"><h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.join('')}</section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
code{background:#f2f2f2;padding:.1em .3em;border-radius:3px}.op{border-top:1px solid #ccc;padding:.5rem 0}
a{color:#00579e}a:focus{outline:3px solid #000;outline-offset:2px}</style></head>
<body><main><h1>${esc(doc.info.title)} API ${esc(doc.info.version)}</h1>
<p>${esc(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> with <code>code</code> and <code>invalidParams</code>. State-changing requests need the <code>X-CSRF-Token</code> header from <code>GET /api/session</code>.</p>
${sections}</main></body></html>`;
}
