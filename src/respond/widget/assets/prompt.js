// The website widget's prompt (docs/widget.md), loaded by /w.js only when a prompt is shown. A panel in a
// shadow root (styles isolated both ways) with the survey's first question as a radio group, the
// optional comment and the thank-you, in the config's language and direction. Escape or the close
// button closes it; focus moves into it and back to where it was. Errors are swallowed.
(function (w, d) {
  var CSS = ':host{all:initial}'
    + '.p{position:fixed;bottom:16px;inset-inline-end:16px;z-index:2147483647;box-sizing:border-box;width:min(400px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;'
    + 'background:#fff;color:#1b1b1b;border:1px solid #b8b8b8;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.2);padding:16px;'
    + 'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Tahoma,sans-serif;text-align:start}'
    + '.p *{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal}'
    + 'fieldset{border:0;margin:0;padding:0;min-width:0}'
    + 'legend,h2{padding:0;margin:0 0 10px;padding-inline-end:30px;font-weight:600;font-size:16px}'
    + '.sc{display:flex;gap:4px}'
    + '.sc label{flex:1 1 0;min-width:0;position:relative}'
    + '.sc input{position:absolute;opacity:0;inset:0;margin:0;width:100%;height:100%;cursor:pointer}'
    + '.sc span{display:block;text-align:center;padding:7px 0;border:1px solid #8a8a8a;border-radius:6px;background:#f4f4f4}'
    + '.sc input:checked+span{background:#1a5fb4;color:#fff;border-color:#1a5fb4}'
    + '.sc input:focus-visible+span{outline:3px solid #1a5fb4;outline-offset:2px}'
    + '.stars span,.smileys span{font-size:22px;padding:2px 0}'
    + '.e{display:flex;justify-content:space-between;gap:8px;font-size:12px;color:#555;margin-top:4px}'
    + '.cm{display:block;margin-top:12px}.cm[hidden]{display:none}'
    + 'textarea{display:block;width:100%;margin-top:4px;min-height:64px;padding:6px;border:1px solid #8a8a8a;border-radius:6px;resize:vertical;background:#fff}'
    + '.go{margin-top:12px;padding:8px 18px;border:0;border-radius:6px;background:#1a5fb4;color:#fff;cursor:pointer;font-weight:600}'
    + '.go:disabled{opacity:.5;cursor:default}'
    + '.x{position:absolute;top:6px;inset-inline-end:6px;border:0;background:none;font-size:22px;line-height:1;padding:4px 8px;cursor:pointer;color:#555}'
    + 'button:focus-visible,textarea:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}h2{outline:0}'
    + '.er{color:#b00020;margin:8px 0 0;font-size:13px}.er:empty{display:none}.o{color:#555;font-size:13px}p{margin:0}';

  function el(tag, attrs, text, parent) {
    var e = d.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function key() {
    var a = new Uint8Array(16), s = '';
    crypto.getRandomValues(a);
    for (var i = 0; i < a.length; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[a[i] & 63];
    return s;
  }

  function open(c, base, slug, answered) {
    var t = c.texts, q = c.question, before = d.activeElement, k = key(), score = null, busy = 0, ta = null, cmText = null;
    var host = d.createElement('sarafan-widget');
    host.style.cssText = 'all:initial!important';
    var root = host.attachShadow({ mode: 'open' });
    // A constructed style sheet is not an inline style: a host page whose CSP forbids those still styles the prompt.
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      el('style', 0, CSS, root);
    }
    var box = el('div', { 'class': 'p', role: 'dialog', 'aria-label': t.dialog, dir: c.dir, lang: c.lang }, 0, root);
    var x = el('button', { type: 'button', 'class': 'x', 'aria-label': t.close }, '\u00d7', box);
    var form = el('form', 0, 0, box);
    var fs = el('fieldset', 0, 0, form);
    el('legend', 0, q.text, fs);
    var sc = el('div', { 'class': 'sc ' + q.style }, 0, fs);
    q.items.forEach(function (it, i) {
      var lb = el('label', 0, 0, sc);
      var r = el('input', { type: 'radio', name: 's', value: it.value }, 0, lb);
      if (it.name) r.setAttribute('aria-label', it.name);
      el('span', it.name ? { 'aria-hidden': 'true' } : 0, it.face, lb);
      r.addEventListener('change', function () { pick(it.value, i); });
    });
    if (q.minLabel || q.maxLabel) {
      var ends = el('div', { 'class': 'e', 'aria-hidden': 'true' }, 0, fs);
      el('span', 0, q.minLabel, ends);
      el('span', 0, q.maxLabel, ends);
    }
    if (c.comment) {
      var cm = el('label', { 'class': 'cm', hidden: '' }, 0, form);
      cmText = el('span', 0, 0, cm);
      el('span', { 'class': 'o' }, ' (' + t.optional + ')', cm);
      ta = el('textarea', { rows: '3', maxlength: '2000' }, 0, cm);
    }
    var err = el('p', { 'class': 'er', role: 'alert' }, 0, form);
    var send = el('button', { type: 'submit', 'class': 'go', disabled: '' }, t.send, form);

    function pick(v, i) {
      score = v;
      send.removeAttribute('disabled');
      if (cmText) {
        cmText.textContent = c.comment.texts[i];
        cm.removeAttribute('hidden');
      }
    }
    function close() {
      host.remove();
      try { if (before && before.focus && d.contains(before)) before.focus(); } catch (e) {}
    }
    // ended: the message of a full "end" quota (the survey ends there for this visitor; nothing was stored).
    function thanks(ended) {
      box.removeChild(form);
      var h = el('h2', { tabindex: '-1' }, t.thanksTitle, box);
      el('p', 0, ended || t.thanksText, box);
      h.focus();
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (busy || score === null) return;
      busy = 1;
      send.textContent = t.sending;
      err.textContent = '';
      var ac = w.AbortController && new AbortController();
      var timer = setTimeout(function () { ac && ac.abort(); }, 15e3);
      var body = { k: k, lang: c.lang, score: score, page: location.pathname.slice(0, 200) };
      if (ta && ta.value.trim()) body.comment = ta.value;
      if (c.loc) body.loc = c.loc;
      // text/plain: a simple cross-origin request (no preflight); the server reads it as JSON.
      fetch(base + '/w/' + encodeURIComponent(slug), { method: 'POST', credentials: 'omit', body: JSON.stringify(body), signal: ac && ac.signal })
        .then(function (r) {
          if (!r.ok) throw r.status;
          return r.json().catch(function () { return {}; });
        })
        .then(function (j) {
          try { answered(); } catch (e2) {}
          thanks(j && j.ended && typeof j.message == 'string' ? j.message : '');
        })
        .catch(function () {
          busy = 0;
          send.textContent = t.send;
          err.textContent = t.failed;
        })
        .then(function () { clearTimeout(timer); });
    });
    x.addEventListener('click', close);
    box.addEventListener('keydown', function (e) {
      if (e.key == 'Escape') {
        e.stopPropagation();
        close();
      }
    });
    (d.body || d.documentElement).appendChild(host);
    sc.querySelector('input').focus();
  }

  w.__sarafanPrompt = function (c, base, slug, answered) {
    try { open(c, base, slug, answered); } catch (e) {}
  };
})(window, document);
