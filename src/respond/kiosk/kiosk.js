/* The kiosk page's script (docs/kiosk.md). Every answer gets a key made here and goes into an
   IndexedDB queue first; the queue is sent in slices to ./answers after each answer, when the
   browser comes back online and every 30 s; the server's idempotency makes a resent answer one.
   The counter shows what is still queued. Full screen on the first tap; staff settings after a
   3 s press on the gear and the PIN. Kept free of '/' + '*' inside strings (assets squeeze). */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('kd').textContent);
  var doc = document.documentElement;
  var lang = D.lang;
  var pick = null;
  var idle = 0;
  var back = 0;
  var syncing = false;
  var fails = 0;
  var retry = 0;
  var state = '';
  var paused = false;
  var mem = null;
  var dbp = null;
  var THANKS_MS = 5000;
  var IDLE_MS = 45000;

  function $(s, r) { return (r || document).querySelector(s); }
  function $$(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
  function sec() { return $('section[data-lang="' + lang + '"]'); }
  function t(k) { return (D.t[lang] || D.t[D.lang])[k]; }

  /* The queue: IndexedDB, or memory when the browser refuses it (private windows of some browsers). */
  function open() {
    if (!dbp) {
      dbp = new Promise(function (ok, no) {
        var r = indexedDB.open('sarafan-kiosk-' + D.id, 1);
        r.onupgradeneeded = function () { r.result.createObjectStore('q', { keyPath: 'k' }); };
        r.onsuccess = function () { ok(r.result); };
        r.onerror = function () { no(r.error); };
      });
    }
    return dbp;
  }
  function tx(mode, fn) {
    if (mem) {
      var m = fn(null);
      return Promise.resolve(m && m.result);
    }
    return open().then(function (db) {
      return new Promise(function (ok, no) {
        var x = db.transaction('q', mode);
        var r = fn(x.objectStore('q'));
        x.oncomplete = function () { ok(r && r.result); };
        x.onerror = x.onabort = function () { no(x.error); };
      });
    }, function () { mem = {}; return tx(mode, fn); });
  }
  function put(item) { return tx('readwrite', function (s) { if (!s) mem[item.k] = item; else s.put(item); }); }
  function all() {
    return tx('readonly', function (s) {
      return s ? s.getAll(null, 50) : { result: Object.keys(mem).slice(0, 50).map(function (k) { return mem[k]; }) };
    });
  }
  function count() { return tx('readonly', function (s) { return s ? s.count() : { result: Object.keys(mem).length }; }); }
  function drop(keys) { return tx('readwrite', function (s) { keys.forEach(function (k) { if (s) s.delete(k); else delete mem[k]; }); }); }

  function newKey() {
    var b = new Uint8Array(18);
    crypto.getRandomValues(b);
    return 'k' + btoa(String.fromCharCode.apply(null, b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function num(n) {
    try { return new Intl.NumberFormat(lang, { useGrouping: false }).format(n); } catch (e) { return String(n); }
  }
  function refresh() {
    return count().then(function (n) {
      $$('.pn').forEach(function (b) { b.setAttribute('data-n', String(n)); b.textContent = num(n); });
    }, function () {});
  }
  function note() {
    $$('.pl').forEach(function (p) { p.textContent = t('pending'); });
    $('#note').textContent = state ? t(state) : '';
    refresh();
  }
  function setState(s) { state = s; note(); }

  function sync() {
    if (syncing) return;
    syncing = true;
    clearTimeout(retry);
    all().then(function (items) {
      if (!items || !items.length) return false;
      return fetch('answers', {
        method: 'POST', credentials: 'omit', cache: 'no-store',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ answers: items })
      }).then(function (res) {
        if (res.ok) return res.json().then(function (j) {
          return drop(j.results.map(function (r) { return r.k; })).then(function () { return items.length >= 50; });
        });
        if (res.status === 403 || res.status === 404 || res.status === 410) { setState(res.status === 410 ? 'closed' : 'revoked'); return false; }
        throw new Error('HTTP ' + res.status);
      });
    }).then(function (more) {
      syncing = false;
      fails = 0;
      if (state === 'offline') setState('');
      refresh();
      if (more) sync();
    }, function () {
      syncing = false;
      fails++;
      if (!navigator.onLine) setState('offline');
      retry = setTimeout(sync, Math.min(60000, 1000 * Math.pow(2, fails)));
      refresh();
    });
  }

  function show(name) {
    $$('.scr', sec()).forEach(function (s) { s.hidden = s.getAttribute('data-s') !== name; });
    var h = $('.scr[data-s="' + name + '"] h1', sec());
    if (h) h.focus();
  }
  function setLang(l) {
    lang = l;
    $$('section.kl').forEach(function (s) { s.hidden = s.getAttribute('data-lang') !== l; });
    doc.lang = l;
    doc.dir = t('dir');
    $$('#langs button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.value === l)); });
    note();
  }
  function reset() {
    clearTimeout(idle);
    clearTimeout(back);
    pick = null;
    $$('textarea').forEach(function (a) { a.value = ''; });
    if (lang !== D.lang) setLang(D.lang);
    show('score');
  }

  function save(comment) {
    if (!pick) return;
    clearTimeout(idle);
    var item = { k: newKey(), lang: lang, score: pick.score, at: Date.now() };
    if (comment) item.comment = comment;
    pick = null;
    put(item).then(function () { refresh(); sync(); }, function () {});
    show('thanks');
    back = setTimeout(reset, THANKS_MS);
  }

  function chooseScore(btn) {
    pick = { score: Number(btn.getAttribute('data-v')) };
    if (!btn.hasAttribute('data-c')) return save('');
    var h = $('.scr[data-s="comment"] h1', sec());
    h.textContent = h.getAttribute('data-' + btn.getAttribute('data-g')) || h.textContent;
    show('comment');
    idle = setTimeout(function () { save(''); }, IDLE_MS);
  }

  document.addEventListener('click', function (e) {
    /* A tap on the thank-you screen is the next customer: back to the question at once. */
    if (!$('.scr[data-s="thanks"]', sec()).hidden && !e.target.closest('#bar, dialog')) return reset();
    var b = e.target.closest && e.target.closest('button');
    if (!b) return;
    if (b.classList.contains('sc')) chooseScore(b);
    else if (b.classList.contains('send') || (b.classList.contains('skip') && b.closest('.scr'))) {
      var a = $('textarea', sec());
      save(b.classList.contains('send') ? a.value.trim().slice(0, 2000) : '');
    } else if (b.parentNode && b.parentNode.id === 'langs') setLang(b.value);
  });
  $$('textarea').forEach(function (a) {
    a.addEventListener('input', function () {
      clearTimeout(idle);
      idle = setTimeout(function () { save(a.value.trim().slice(0, 2000)); }, IDLE_MS);
    });
  });

  /* Full screen on the first tap (browsers allow it only from a gesture), again after it was left, unless staff paused it. */
  function full() {
    if (!paused && !document.fullscreenElement && doc.requestFullscreen) doc.requestFullscreen().catch(function () {});
  }
  document.addEventListener('pointerdown', full);
  document.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') full(); });
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  /* Staff: hold the gear 3 s (pointer, or Enter / Space held), then the PIN. */
  var staff = $('#staff');
  var hold = 0;
  function startHold(e) { if (e.repeat) return; clearTimeout(hold); hold = setTimeout(askPin, 3000); }
  function stopHold() { clearTimeout(hold); }
  staff.addEventListener('pointerdown', startHold);
  ['pointerup', 'pointerleave', 'pointercancel'].forEach(function (n) { staff.addEventListener(n, stopHold); });
  staff.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); startHold(e); } });
  staff.addEventListener('keyup', stopHold);

  var pinBox = $('#pin');
  var setBox = $('#set');
  var pinIn = $('#pin-i');
  function askPin() {
    pinIn.value = '';
    $('#pin-e').textContent = '';
    pinBox.showModal();
    pinIn.focus();
  }
  function hex(buf) {
    return Array.prototype.map.call(new Uint8Array(buf), function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
  }
  function pinOk(pin) {
    if (window.crypto && crypto.subtle) {
      return crypto.subtle.digest('SHA-256', new TextEncoder().encode(D.pin.s + ':' + pin)).then(function (b) { return hex(b) === D.pin.h; });
    }
    return fetch('pin', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin: pin }) })
      .then(function (r) { return r.ok ? r.json() : { ok: false }; }).then(function (j) { return j.ok === true; }, function () { return false; });
  }
  function tryPin() {
    pinOk(pinIn.value).then(function (ok) {
      if (!ok) { $('#pin-e').textContent = t('pinWrong'); pinIn.value = ''; pinIn.focus(); return; }
      pinBox.close();
      refresh();
      setBox.showModal();
    });
  }
  $('#pin-ok').addEventListener('click', tryPin);
  pinIn.addEventListener('keydown', function (e) { if (e.key === 'Enter') tryPin(); });
  $('#pin-x').addEventListener('click', function () { pinBox.close(); });
  $('#set-sync').addEventListener('click', function () { fails = 0; sync(); });
  $('#set-fs').addEventListener('click', function () {
    paused = true;
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
  });
  $('#set-x').addEventListener('click', function () { paused = false; setBox.close(); reset(); full(); });

  window.addEventListener('online', function () { fails = 0; if (state === 'offline') setState(''); sync(); });
  window.addEventListener('offline', function () { setState('offline'); });
  setInterval(sync, 30000);
  if (navigator.serviceWorker) navigator.serviceWorker.register('sw.js').catch(function () {});
  note();
  sync();
})();
