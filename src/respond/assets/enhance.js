// Progressive enhancement of the survey form (inlined; the page works without it).
// Live show-if, "why?" wording, one question per screen under 600px, JSON submit with retries
// and the same idempotency key, falling back to a normal form POST.
(function () {
  var f = document.querySelector('form.sv');
  if (!f || !window.fetch || !window.FormData) return;
  var qs = [].slice.call(f.querySelectorAll('fieldset.q'));
  var bk = f.querySelector('.bk'), nx = f.querySelector('.nx'), sb = f.querySelector('.sb'), st = f.querySelector('.st');
  var lang = document.documentElement.lang, mq = matchMedia('(max-width:599px)'), cur = 0, busy = 0;
  function num(n) { return n.toLocaleString(lang); }
  function val(k) {
    var out = [];
    [].forEach.call(f.querySelectorAll('[name="q_' + k + '"]'), function (e) {
      if (e.matches(':disabled')) return;
      if (e.type == 'radio' || e.type == 'checkbox') { if (e.checked) out.push(e.value); }
      else if (e.value.trim()) out.push(e.value.trim());
    });
    return out;
  }
  function test(c) {
    var v = val(c.question), set = c.op == 'in' ? c.value : [c.value];
    if (!v.length) return false;
    if (c.op == 'answered') return true;
    if (c.op == 'lte') return +v[0] <= c.value;
    if (c.op == 'gte') return +v[0] >= c.value;
    return v.some(function (x) { return set.some(function (y) { return String(y) == x; }); });
  }
  function update() {
    qs.forEach(function (q) {
      var c = q.getAttribute('data-if'), w = q.getAttribute('data-why'), on = !c || test(JSON.parse(c));
      q.disabled = !on;
      q.classList.toggle('off', !on);
      if (w) {
        w = JSON.parse(w);
        var t = q.querySelector('.qt'), s = val(w.k), g = s.length ? w.g.charAt(+s[0] - w.min) : '';
        if (t.getAttribute('data-t') == null) t.setAttribute('data-t', t.textContent);
        t.textContent = (g && w.t[g]) || t.getAttribute('data-t');
      }
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
  }
  function mark(q, msg) {
    var e = q.querySelector('.err');
    e.textContent = msg || '';
    q.classList.toggle('bad', !!msg);
    q.setAttribute('aria-invalid', msg ? 'true' : 'false');
  }
  function missing(q) {
    var bad = q.hasAttribute('data-req') && !val(q.getAttribute('data-k')).length;
    mark(q, bad ? f.getAttribute('data-req') : '');
    return bad;
  }
  function go(d) {
    var v = vis();
    // Focus stays inside the question when it is already there, so arrow keys keep working; the message is live.
    if (d > 0 && missing(v[cur])) { if (!v[cur].contains(document.activeElement)) v[cur].querySelector('legend').focus(); return; }
    cur = Math.max(0, Math.min(v.length - 1, cur + d));
    show(1);
  }
  bk.onclick = function () { go(-1); };
  nx.onclick = function () { go(1); };
  f.addEventListener('change', function () { update(); show(); });
  f.addEventListener('input', update);
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
  function fallback() { busy = 0; f.submit(); }
  function done() {
    var m = document.querySelector('main'), t = document.getElementById('ty').content.cloneNode(true);
    m.innerHTML = '';
    m.appendChild(t);
    m.querySelector('h1').focus();
  }
  function errors(map) {
    var first = -1;
    vis().forEach(function (q, i) {
      var msg = map[q.getAttribute('data-k')];
      mark(q, msg);
      if (msg && first < 0) first = i;
    });
    busy = 0; sb.disabled = false; st.textContent = '';
    if (first < 0) return fallback();
    cur = first; show(1);
  }
  function retry(body, n) {
    if (n >= 3) return fallback();
    st.textContent = f.getAttribute('data-off');
    setTimeout(function () { send(body, n + 1); }, 800 * (n + 1));
  }
  // 503: the server is up but its database is not, and nothing was saved: retried like a lost connection.
  function send(body, n) {
    fetch(f.action, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body })
      .then(function (r) {
        if (r.status == 503) return retry(body, n);
        return r.json().then(function (j) {
          if (r.ok && j.ok) done();
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
    var d = {};
    new FormData(f).forEach(function (x, k) { d[k] = k in d ? [].concat(d[k], x) : x; });
    busy = 1; sb.disabled = true;
    send(JSON.stringify(d), 0);
  });
  update();
  show();
})();
