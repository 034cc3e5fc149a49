// Sarafan website widget loader, served at /w.js (docs/widget.md); at most 5 kB gzipped (docs/bench.md).
// It only decides whether and when to show a prompt: the survey's config (allowed origins only), the
// frequency policy kept in localStorage, the triggers (after N seconds, exit intent, URL pattern, or
// sarafan('show')), and loads the prompt's code (/w/prompt.js) only when a prompt is shown. Optional
// attributes: data-lang (else the page's lang) and data-location (a location code or id of the survey's organisation).
// Everything is wrapped: a Sarafan that is down, slow or broken never disturbs the host page.
(function (w, d) {
  function safe(f) {
    return function (a) { try { f(a); } catch (e) {} };
  }
  safe(function () {
    var s = d.currentScript || d.querySelector('script[data-survey][src*="/w.js"]');
    var slug = s && s.getAttribute('data-survey');
    var old = w.sarafan;
    if (!slug || (old && old.l)) return;
    var base = s.src.replace(/\/w\.js([?#].*)?$/, '');
    var K = 'sarafan:w', KS = K + ':' + slug, cfg, want, shown;
    var api = w.sarafan = function () { run(arguments[0]); };
    api.l = 1;
    var run = safe(function (c) {
      if (c == 'show') {
        want = 1;
        show();
      }
    });
    function get(k) {
      try { return +localStorage.getItem(k) || 0; } catch (e) { return 0; }
    }
    function put(k, days) {
      try { localStorage.setItem(k, String(Date.now() + days * 864e5)); } catch (e) {}
    }
    // Quiet after an answer (any survey on this site: the contact gap) or after this prompt was shown.
    function quiet() {
      var n = Date.now();
      return get(K) > n || get(KS) > n;
    }
    var show = safe(function () {
      if (!cfg || shown || quiet()) return;
      shown = 1;
      // Shown once: quiet for the dismissal back-off, unless answered (then the longer gap).
      put(KS, cfg.quietDays.dismissed);
      var p = d.createElement('script');
      p.src = base + '/w/prompt.js?v=__PROMPT_VERSION__';
      p.async = true;
      p.onload = safe(function () {
        w.__sarafanPrompt(cfg, base, slug, function () { put(K, cfg.quietDays.answered); });
      });
      (d.head || d.documentElement).appendChild(p);
    });
    // The page path against the pattern: `*` is any characters (as matchesUrlPattern in src/core/surveys/widget.ts).
    function match(p, path) {
      return !p || new RegExp('^' + p.split('*').map(function (x) { return x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'); }).join('.*') + '$').test(path);
    }
    var start = safe(function (c) {
      cfg = c;
      c.loc = s.getAttribute('data-location');
      var t = c.triggers;
      if (want) show();
      if (!match(t.urlPattern, location.pathname)) return;
      if (t.delaySeconds != null) setTimeout(show, t.delaySeconds * 1e3);
      if (t.exitIntent) d.addEventListener('mouseout', safe(function (e) { if (!e.relatedTarget && e.clientY <= 0) show(); }));
      if (t.urlPattern && t.delaySeconds == null && !t.exitIntent) show();
    });
    var queued = (old && old.q) || [];
    for (var i = 0; i < queued.length; i++) run(queued[i][0]);
    if (quiet() || !w.fetch) return;
    var ac = w.AbortController && new AbortController();
    var timer = setTimeout(function () { ac && ac.abort(); }, 8e3);
    var lang = (s.getAttribute('data-lang') || d.documentElement.lang || navigator.language || '').slice(0, 2).toLowerCase();
    fetch(base + '/w/' + encodeURIComponent(slug) + '/config?lang=' + encodeURIComponent(lang), { credentials: 'omit', signal: ac && ac.signal })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        clearTimeout(timer);
        if (c && c.triggers) start(c);
      })
      .catch(function () {});
  })();
})(window, document);
