// Progressive enhancement of the survey form (inlined; the page works without it).
// Live conditions, jumps, piping and "why?" wording (svFlow.pageState: src/core/surveys/flow.ts, bundled in front of this
// script by src/respond/assets.ts), one question per screen under 600px, comment counters, JSON submit.
// A submission is kept in localStorage (with its idempotency key) until the server acknowledges it:
// unreachable servers are retried with backoff while the page is open, and a kept answer is sent
// again when the page is opened later. Answers survive a language switch (sessionStorage; without the script the switch is a POST of the form).
(function () {
  // The thank-you page's referral block: copy and share buttons for the link, which is plain text without the script.
  [].forEach.call(document.querySelectorAll('[data-copy]'), function (b) {
    var share = b.hasAttribute('data-text'), out = document.getElementById('rf-st');
    if (share ? !navigator.share : !(navigator.clipboard && navigator.clipboard.writeText)) return;
    b.hidden = false;
    b.addEventListener('click', function () {
      var url = b.getAttribute('data-copy');
      if (share) navigator.share({ url: url, text: b.getAttribute('data-text') }).catch(function () {});
      else navigator.clipboard.writeText(url).then(function () { out.textContent = out.getAttribute('data-ok'); }, function () {});
    });
  });
  var f = document.querySelector('form.sv');
  if (!f || !window.fetch || !window.FormData) return;
  var qs = [].slice.call(f.querySelectorAll('fieldset.q'));
  var bk = f.querySelector('.bk'), nx = f.querySelector('.nx'), sb = f.querySelector('.sb'), st = f.querySelector('.st');
  var lang = document.documentElement.lang, mq = matchMedia('(max-width:599px)'), cur = 0, busy = 0;
  var kk = 'sv:' + f.getAttribute('action'), ls = store('localStorage'), ss = store('sessionStorage');
  function num(n) { return n.toLocaleString(lang); }
  function store(n) { try { return window[n]; } catch (e) { return null; } }
  // Storage may be missing or full (private modes): then the page simply works as before.
  function keep(s, v) { try { v ? s.setItem(kk, v) : s.removeItem(kk); } catch (e) {} }
  function kept(s) { try { return s.getItem(kk); } catch (e) { return null; } }
  function data() {
    var d = {};
    new FormData(f).forEach(function (x, k) { d[k] = k in d ? [].concat(d[k], x) : x; });
    return d;
  }
  // Puts saved values back into the form (fields the page does not have are ignored).
  function restore(d, all) {
    [].forEach.call(f.elements, function (e) {
      var v = d[e.name];
      if (!e.name || (!all && e.name.slice(0, 2) != 'q_')) return;
      if (e.type == 'radio' || e.type == 'checkbox') e.checked = v != null && [].concat(v).indexOf(e.value) >= 0;
      // A ranking's selects share one name: each takes the value among its own options.
      else if (e.tagName == 'SELECT') [].concat(v || []).forEach(function (x) { if ([].some.call(e.options, function (o) { return o.value == x; })) e.value = x; });
      else if (v != null) e.value = [].concat(v).join('\n');
    });
  }
  function val(k) {
    var out = [];
    [].forEach.call(f.querySelectorAll('[name="q_' + k + '"]'), function (e) {
      if (e.matches(':disabled')) return;
      if (e.type == 'radio' || e.type == 'checkbox') { if (e.checked) out.push(e.value); }
      else if (e.value.trim()) out.push(e.value.trim());
    });
    return out;
  }
  // The server's model of the page (questions localized, their logic, the thanks); S: the state for the current answers.
  var M = JSON.parse(f.getAttribute('data-logic')), S;
  function update() {
    var d = {};
    M.questions.forEach(function (q) { d[q.key] = val(q.key); });
    S = svFlow.pageState(M, d);
    qs.forEach(function (q) {
      // A matrix grid is on the page while any of its rows (questions of their own) is.
      var k = q.getAttribute('data-k'), t = S.texts[k], l = S.labels[k];
      var on = parts(q).some(function (p) { return S.shown.indexOf(p.getAttribute('data-k')) >= 0; });
      q.disabled = !on;
      q.classList.toggle('off', !on);
      if (t != null) q.querySelector('.qt').textContent = t;
      if (l) [].forEach.call(q.querySelectorAll('input'), function (i) { if (l[i.value] != null) i.parentNode.lastChild.textContent = l[i.value]; });
    });
  }
  function vis() { return qs.filter(function (q) { return !q.disabled; }); }
  function show(focus) {
    var v = vis(), step = mq.matches && v.length > 1;
    f.classList.toggle('step', step);
    if (cur >= v.length) cur = v.length - 1;
    qs.forEach(function (q) { q.classList.remove('cur'); });
    if (v[cur]) v[cur].classList.add('cur');
    bk.hidden = !step || cur == 0;
    nx.hidden = !step || cur == v.length - 1;
    sb.hidden = step && cur < v.length - 1;
    st.textContent = step ? st.getAttribute('data-f').replace('{n}', num(cur + 1)).replace('{total}', num(v.length)) : '';
    if (focus && v[cur]) v[cur].querySelector('legend').focus();
    pgShown(step && v[cur]);
  }
  function mark(q, msg) {
    var e = q.querySelector('.err');
    e.textContent = msg || '';
    q.classList.toggle('bad', !!msg);
    q.setAttribute('aria-invalid', msg ? 'true' : 'false');
  }
  // A matrix's rows are questions of their own (fieldsets with data-k inside the grid).
  function parts(q) { var r = q.querySelectorAll('fieldset[data-k]'); return r.length ? [].slice.call(r) : [q]; }
  function missing(q) {
    var any = false;
    parts(q).forEach(function (p) {
      var bad = p.hasAttribute('data-req') && !val(p.getAttribute('data-k')).length;
      mark(p, bad ? f.getAttribute('data-req') : '');
      any = any || bad;
    });
    return any;
  }
  function go(d) {
    var v = vis();
    // Focus stays inside the question when it is already there, so arrow keys keep working; the message is live.
    if (d > 0 && missing(v[cur])) { if (!v[cur].contains(document.activeElement)) v[cur].querySelector('legend').focus(); return; }
    cur = Math.max(0, Math.min(v.length - 1, cur + d));
    show(1);
    if (d > 0) pgSave();
  }
  bk.onclick = function () { go(-1); };
  nx.onclick = function () { go(1); };
  // A message goes away as soon as its question is answered.
  function fix(e) {
    var q = e.target.closest('fieldset[data-k]');
    if (!q || !q.classList.contains('bad') || !val(q.getAttribute('data-k')).length) return;
    mark(q, '');
    // The server's summary above the form (no-JS round trip) forgets it too.
    var l = document.querySelector('#errs a[href="#q-' + q.getAttribute('data-k') + '"]');
    if (l) l.parentNode.remove();
  }
  f.addEventListener('change', function (e) { update(); show(); fix(e); });
  f.addEventListener('input', function (e) { update(); fix(e); count(e.target); });
  // Comments are never cut: a counter shows the length, announced when it nears the limit.
  function count(t) {
    var c = t.nextElementSibling, m = +t.getAttribute('data-max'), n = t.value.length;
    if (!m || !c) return;
    c.textContent = n ? num(n) + ' / ' + num(m) : '';
    c.classList.toggle('over', n > m);
    n >= m * 0.9 ? c.setAttribute('aria-live', 'polite') : c.removeAttribute('aria-live');
  }
  [].forEach.call(f.querySelectorAll('textarea[data-max]'), function (t) {
    t.insertAdjacentHTML('afterend', '<p class="cnt"></p>');
  });
  // The language buttons carry the answers given so far to the page in the other language (a GET, not the form's POST).
  [].forEach.call(document.querySelectorAll('.langs button'), function (b) {
    b.addEventListener('click', function (e) { e.preventDefault(); keep(ss, JSON.stringify(data())); location.href = b.getAttribute('data-href'); });
  });
  // Enter on a scale or option moves on (or sends on the last step) instead of relying on the hidden default button.
  f.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key != 'Enter' || t.tagName != 'INPUT') return;
    e.preventDefault();
    if (f.classList.contains('step') && cur < vis().length - 1) go(1);
    else if (f.requestSubmit) f.requestSubmit();
    else sb.click();
  });
  (mq.addEventListener ? mq.addEventListener('change', function () { show(); }) : 0);
  function fallback() { busy = 0; keep(ls); f.submit(); }
  // A promoter's thank-you with a referral code is its own page (the server names it).
  function done(next) {
    keep(ls);
    pgForget();
    if (next) return location.assign(next);
    var m = document.querySelector('main'), t = document.getElementById('ty').content.cloneNode(true);
    // The thank-you text of the jump that ended the survey (or the survey's own), piped.
    if (S.thanks) t.querySelector('p').textContent = S.thanks;
    m.innerHTML = '';
    m.appendChild(t);
    m.querySelector('h1').focus();
  }
  function errors(map) {
    var first = -1;
    vis().forEach(function (q, i) {
      parts(q).forEach(function (p) {
        var msg = map[p.getAttribute('data-k')];
        mark(p, msg);
        if (msg && first < 0) first = i;
      });
    });
    busy = 0; sb.disabled = false; st.textContent = '';
    keep(ls);
    if (first < 0) return fallback();
    cur = first; show(1);
  }
  // No giving up while the page is open (1 s doubling to 30 s): the answer is kept meanwhile.
  function retry(body, n) {
    st.textContent = f.getAttribute('data-off');
    setTimeout(function () { send(body, n + 1); }, Math.min(1000 * Math.pow(2, n), 30000));
  }
  // 502/504: a proxy without its server; 503: the server is up but its database is not. Nothing was saved.
  function send(body, n) {
    fetch(f.action, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body })
      .then(function (r) {
        if (r.status > 501 && r.status < 505) return retry(body, n);
        return r.json().then(function (j) {
          if (r.ok && j.ok) done(j.next);
          else if (r.status == 400 && j.errors) errors(j.errors);
          else fallback();
        }, fallback);
      }, function () { retry(body, n); });
  }
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var v = vis();
    if (f.classList.contains('step') && cur < v.length - 1) return go(1);
    if (busy) return;
    var bad = v.filter(missing);
    if (bad.length) { cur = v.indexOf(bad[0]); show(1); return; }
    // The builder's live preview of an unsaved draft (data-pv) has nowhere to send to: it shows the thank-you.
    if (f.hasAttribute('data-pv')) return done();
    pgSave(1);
    deliver(JSON.stringify(data()));
  });
  function deliver(body) {
    busy = 1; sb.disabled = true;
    keep(ls, body);
    send(body, 0);
  }
  var carried = kept(ss), pending = kept(ls);
  keep(ss);
  try { if (carried) restore(JSON.parse(carried)); if (pending) restore(JSON.parse(pending), 1); } catch (e) { pending = null; keep(ls); }
  [].forEach.call(f.querySelectorAll('textarea'), count);
  update();
  // The builder's preview opens at the question being edited (data-at), when it is on the page.
  var at = vis().map(function (q) { return q.getAttribute('data-k'); }).indexOf(f.getAttribute('data-at'));
  if (at > 0) cur = at;
  show();
  // An answer kept from an earlier visit goes out first, with its own key.
  if (pending) deliver(pending);

  // ---- Partial responses (src/respond/progress.ts; docs/api.md "Partial responses") ----
  // One question per screen: after each screen (and the first answer) the answers so far, the screen on show and the
  // time per screen are saved on the server under the form's key, which localStorage keeps; a page opened again asks
  // for them and continues at that screen. Everything here is best effort: a failure changes nothing for the respondent.
  // (Functions are hoisted: show() calls pgShown before these lines run, which then start the clock afresh.)
  var pk = kk + ':p', pgAt = null, pgT0 = 0, pgTimes = {}, pgSent = 0;
  function pgUrl(p) { var a = f.getAttribute('action'), i = a.indexOf('?'); return i < 0 ? a + '/' + p : a.slice(0, i) + '/' + p + a.slice(i); }
  function pgField(n) { return f.querySelector('input[name="' + n + '"]'); }
  function pgForget() { try { ls && ls.removeItem(pk); } catch (e) {} }
  // The time on the screen left is added to its question's.
  function pgShown(q) {
    var k = q ? q.getAttribute('data-k') : null, now = Date.now();
    if (k == pgAt) return;
    if (pgAt) pgTimes[pgAt] = (pgTimes[pgAt] || 0) + now - pgT0;
    pgAt = k; pgT0 = now;
  }
  function pgSave(last) {
    // The builder's preview (data-pv) stores nothing.
    if (!f.classList.contains('step') || !pgAt || f.hasAttribute('data-pv')) return;
    var d = data(), now = Date.now();
    // The screen on show is timed when it is left (and the last one when the answers are sent).
    if (last) { pgTimes[pgAt] = (pgTimes[pgAt] || 0) + now - pgT0; pgT0 = now; }
    d._at = pgAt; d._t = pgTimes; pgSent = 1;
    try { ls && ls.setItem(pk, d._k); } catch (e) {}
    fetch(pgUrl('progress'), { method: 'POST', keepalive: !!last, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(d) })
      .then(function (r) { return r.json(); }).then(function (j) { if (j.done && !last) pgForget(); }, function () {});
  }
  // The first answer counts as starting the survey.
  f.addEventListener('change', function () { if (!pgSent) pgSave(); });
  // A key kept from an earlier visit: its answers and screen come back (after a language switch only the key, the answers travelled).
  function pgResume(keyOnly) {
    var k = null;
    try { k = ls && ls.getItem(pk); } catch (e) {}
    var own = pgField('_k');
    if (!k || !own || k == own.value) return;
    fetch(pgUrl('resume'), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ _k: k }) })
      .then(function (r) { return r.json().then(function (j) { return { s: r.status, j: j }; }); })
      .then(function (x) {
        var j = x.j;
        if (x.s == 404 || j.done) return pgForget();
        if (!j.ok || pgSent) return;
        own.value = k; pgSent = 1;
        if (j.started && pgField('_started')) pgField('_started').value = j.started;
        if (keyOnly) return;
        restore(j.values || {});
        [].forEach.call(f.querySelectorAll('textarea'), count);
        update();
        var i = vis().map(function (q) { return q.getAttribute('data-k'); }).indexOf(j.at);
        if (i > 0) cur = i;
        show();
      }, function () {});
  }
  pgShown(f.classList.contains('step') && vis()[cur]);
  if (!pending) pgResume(!!carried);
})();
