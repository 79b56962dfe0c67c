// The queue page's bulk decision: count what a rule decides under the page's filter, then confirm that count.
(function () {
  'use strict';
  var cp = window.Counterpoint;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('bulk');
    if (!box) { return; }
    var status = document.getElementById('bulk-status');
    var confirm = document.getElementById('bulk-confirm');
    var rule = document.getElementById('bulk-rule');
    var reason = document.getElementById('bulk-reason');
    var filter = new URLSearchParams(box.dataset.filter);
    var counted = null;

    rule.addEventListener('change', function () { confirm.hidden = true; counted = null; });
    document.getElementById('bulk-preview').addEventListener('click', function () {
      var query = new URLSearchParams(filter);
      query.set('rule', rule.value);
      cp.fetchJson('/api/queue/bulk-preview?' + query.toString()).then(function (preview) {
        counted = preview.decided;
        cp.setStatus(status, 'This rule decides ' + preview.decided + ' subject' + (preview.decided === 1 ? '' : 's')
          + (preview.undecidable ? '; ' + preview.undecidable + ' under the filter it cannot decide (people split, or no model label) stay in the queue.' : '.'));
        confirm.textContent = 'Adjudicate these ' + preview.decided;
        confirm.hidden = preview.decided === 0;
      }).catch(function (error) { cp.setStatus(status, error.message, true); });
    });
    confirm.addEventListener('click', function () {
      var payload = {
        document: filter.get('document') ? Number(filter.get('document')) : null,
        target: filter.get('target'), source: filter.get('source'), reason: filter.get('reason'),
        rule: rule.value, expected: counted, why: reason.value
      };
      fetch('/api/queue/bulk-adjudication', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrfToken() },
        body: JSON.stringify(payload)
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(cp.problemMessage(body, response.status)); }
          cp.setStatus(status, 'Adjudicated ' + body.decided + '. Reloading the queue…');
          confirm.hidden = true;
          window.setTimeout(function () { window.location.reload(); }, 800);
        });
      }).catch(function (error) { cp.setStatus(status, error.message, true); });
    });
  });
})();
