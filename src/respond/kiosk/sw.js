/* The kiosk's service worker (docs/kiosk.md), scoped to /k/<token>/: the kiosk page comes from the
   network when it can (so survey edits and a revocation show), else from the copy kept at the last
   successful load, so a tablet reloaded while offline still shows the kiosk. Answers are not its
   business: they wait in the page's IndexedDB queue. */
var CACHE = 'sarafan-kiosk-v1';
self.addEventListener('install', function (e) {
  self.skipWaiting();
  e.waitUntil(caches.open(CACHE).then(function (c) {
    return fetch('./', { cache: 'no-store', credentials: 'omit' }).then(function (res) {
      if (res.ok) return c.put('./', res);
    });
  }).catch(function () {}));
});
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || req.mode !== 'navigate') return;
  e.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put('./', copy); });
    } else if (res.status === 403 || res.status === 404) {
      caches.open(CACHE).then(function (c) { return c.delete('./'); });
    }
    return res;
  }, function () {
    return caches.open(CACHE).then(function (c) { return c.match('./'); }).then(function (m) { return m || Response.error(); });
  }));
});
